// C++ conveniences CUDA kernels use: function objects, static member functions and constants, bool/enum
// template arguments, kernels instantiated by host launches (host constants, deduced arguments), and
// variables that shadow type names. CppFeatureTests.cs checks each kernel against a C# reference.

struct Add
{
    __device__ float operator()(float a, float b) const { return a + b; }
};

struct Mul
{
    __device__ float operator()(float a, float b) const { return a * b; }
};

// A function object with state: its operator() reads a field through 'this'.
struct Affine
{
    float scale;
    float offset;
    __device__ float operator()(float v) const { return scale * v + offset; }
};

template <typename Op>
__device__ float fold(Op op, float a, float b)
{
    return op(a, b);
}

// out[i] = (x + y) + fold(Add)(x, y) * fold(Mul)(x, y) + Add()(x, 1) - affine(x)
__global__ void functors(float* out, const float* x, const float* y, int n, float scale, float offset)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
    {
        return;
    }
    Add add;
    Affine affine{scale, offset};
    float s = add(x[i], y[i]);
    float t = fold(Add(), x[i], y[i]) * fold<Mul>(Mul{}, x[i], y[i]);
    out[i] = s + t + Add()(x[i], 1.0f) - affine(x[i]);
}

// Reduction operators as static member functions with a static constant identity.
struct SumOp
{
    static constexpr int identity = 0;
    __device__ static int apply(int a, int b) { return a + b; }
};

struct MaxOp
{
    static const int identity = -2147483647 - 1;
    __device__ static int apply(int a, int b) { return a > b ? a : b; }
};

// One partial result per block; BLOCK is the block size.
template <typename Op, int BLOCK>
__global__ void block_reduce(const int* in, int* out, int n)
{
    __shared__ int partial[BLOCK];
    int i = blockIdx.x * BLOCK + threadIdx.x;
    partial[threadIdx.x] = i < n ? in[i] : Op::identity;
    __syncthreads();
    for (int stride = BLOCK / 2; stride > 0; stride /= 2)
    {
        if (threadIdx.x < stride)
        {
            partial[threadIdx.x] = Op::apply(partial[threadIdx.x], partial[threadIdx.x + stride]);
        }
        __syncthreads();
    }
    if (threadIdx.x == 0)
    {
        out[blockIdx.x] = partial[0];
    }
}

enum class Mode
{
    Square,
    Negate,
    Halve,
};

template <bool Subtract>
__device__ float combine(float a, float b)
{
    return Subtract ? a - b : a + b;
}

template <Mode M>
__device__ float apply_mode(float v)
{
    if (M == Mode::Square)
    {
        return v * v;
    }
    if (M == Mode::Negate)
    {
        return -v;
    }
    return v * 0.5f;
}

// out[i] = apply_mode<M>(combine<true>(x, y)) + combine<false>(x, y) + code, with code = C + U.
template <Mode M, char C, unsigned U>
__global__ void modes(float* out, const float* x, const float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
    {
        out[i] = apply_mode<M>(combine<true>(x[i], y[i])) + combine<false>(x[i], y[i]) + (float)(C + U);
    }
}

// Launched without template arguments: T is deduced from the host arguments.
template <typename T>
__global__ void scale(T* data, T factor, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
    {
        data[i] = data[i] * factor;
    }
}

struct count
{
    int c;
};
typedef float value;

// Locals named like a struct tag ('count') and a typedef ('value') hide them, as in C++.
__global__ void shadowing(float* out, const float* in, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
    {
        return;
    }
    int count = 0;
    float value = in[i];
    for (int k = 0; k < 4; k++)
    {
        if (value > (float)k)
        {
            count += k + 1;
        }
    }
    struct count c = {count};
    out[i] = value * (float)c.c;
}

// Host code: the launches instantiate block_reduce<SumOp, 256>, block_reduce<MaxOp, 128>,
// modes<Mode::Square, 'a', 3>, modes<Mode::Halve, 'b', 1>, scale<float> and scale<int>.
void host_launches(const int* d_in, int* d_out, float* d_f, const float* d_x, int n)
{
    const int BLOCK = 256;
    constexpr int SMALL = BLOCK / 2;
    int* d_i;
    float factor = 2.0f;
    block_reduce<SumOp, BLOCK><<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(d_in, d_out, n);
    block_reduce<MaxOp, SMALL><<<(n + SMALL - 1) / SMALL, SMALL>>>(d_in, d_out, n);
    modes<Mode::Square, 'a', 3u><<<1, 32>>>(d_f, d_x, d_x, n);
    modes<Mode::Halve, 'b', 1u><<<1, 32>>>(d_f, d_x, d_x, n);
    scale<<<1, 32>>>(d_f, factor, n);
    scale<<<1, 32>>>(d_i, 3, n);
}
