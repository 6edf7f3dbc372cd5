// bool and enum template arguments: a type where a value is expected, a non-constant value, and a kernel
// launched from host code whose template argument cannot be deduced from the launch arguments.
// RUN: not bytechipcc -fsyntax-only %s | verify

enum class Mode { Fast, Precise };

template <bool Negate>
__device__ float combine(float a, float b) { return Negate ? a - b : a + b; }

template <Mode M>
__global__ void run(float* out) { out[0] = M == Mode::Fast ? 1.0f : 2.0f; }

template <typename T>
__global__ void fill(T* out, T value) { out[threadIdx.x] = value; }

__global__ void k(float* out, bool flag)
{
    out[0] = combine<true>(1.0f, 2.0f) + combine<(Mode::Fast == Mode::Fast)>(1.0f, 2.0f);
    out[1] = combine<float>(1.0f, 2.0f); // expected-error BC3040 {{no matching function for call to 'combine': template arguments could not be deduced}}
    out[2] = combine<flag>(1.0f, 2.0f); // expected-error BC3034 {{template argument is not an integral constant expression}}
}

void host(float* p, int* q)
{
    run<Mode::Precise><<<1, 1>>>(p);
    fill<<<1, 32>>>(p, 1); // expected-warning BC3040 {{template arguments of kernel 'fill' could not be deduced from the launch arguments (float *, int); no instance is generated}}
}
