// BC3040: a template parameter that cannot be deduced from the arguments.
// RUN: not bytechipcc -fsyntax-only %s | verify

template <typename T>
__device__ T pick(T a, T b) { return a; }

__global__ void k(float* out)
{
    out[0] = pick(1, 2.0f); // expected-error BC3040
}
