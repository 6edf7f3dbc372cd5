// Templates beyond a value parameter: function objects (operator() of a struct passed by value), static member
// functions and static constants reached through a type parameter (Op::apply, Op::identity), bool and int template
// arguments of a device function (fold<Max, true>) and of kernels launched from host code (scale<true, 3>), and one
// function template instantiated for int and float (clamp_to). All results are exact.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 2048 x i32 match
// CHECK: fout: 512 x f32 match
// CHECK: negated: 512 x i32 match
// CHECK: scaled: 512 x i32 match

struct Add {
    static const int identity = 0;
    __device__ int operator()(int a, int b) const { return a + b; }
    static __device__ int apply(int a, int b) { return a + b; }
};

struct Max {
    static const int identity = -2147483647 - 1;
    __device__ int operator()(int a, int b) const { return a > b ? a : b; }
    static __device__ int apply(int a, int b) { return a > b ? a : b; }
};

template <typename Op, bool Square>
__device__ int fold(const int* p, int count, Op op)
{
    int acc = Op::identity;
    for (int k = 0; k < count; k++) {
        int x = p[k];
        acc = op(acc, Square ? x * x : x);
    }
    return acc;
}

template <typename Op>
__device__ int fold_static(const int* p, int count)
{
    int acc = Op::identity;
    for (int k = 0; k < count; k++)
        acc = Op::apply(acc, p[k] - k);
    return acc;
}

template <typename T>
__device__ T clamp_to(T x, T lo, T hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

__global__ void functors(const int* in, int* out, float* fout, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    const int* p = in + 8 * i;
    out[4 * i + 0] = fold<Add, false>(p, 8, Add());
    out[4 * i + 1] = fold<Max, true>(p, 8, Max());
    out[4 * i + 2] = fold_static<Max>(p, 8) + fold_static<Add>(p, 4);
    out[4 * i + 3] = clamp_to<int>(p[0], -100, 100);
    fout[i] = clamp_to((float)p[1] * 0.5f, -50.0f, 50.0f);
}

template <bool Negate, int Scale>
__global__ void scale(const int* in, int* out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i] * Scale;
    out[i] = Negate ? -v : v;
}

void launch_all(const int* in, int* a, int* b)
{
    scale<true, 3><<<4, 128>>>(in, a);
    scale<false, 5><<<4, 128>>>(in, b);
}
