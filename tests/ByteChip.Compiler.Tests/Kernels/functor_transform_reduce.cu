// Transform-reduce in the style of CUB/Thrust kernels: a function object for the transform, a reduction
// operator with a static apply and identity, a bool template flag, and host launches that instantiate the
// kernel with a host constant and deduce another from its arguments.
struct Square
{
    __device__ float operator()(float v) const { return v * v; }
};

struct Sum
{
    static constexpr int identity = 0;
    __device__ static float apply(float a, float b) { return a + b; }
};

template <typename Transform, typename Reduce, int BLOCK, bool Accumulate>
__global__ void transform_reduce(const float* in, float* out, int n)
{
    __shared__ float partial[BLOCK];
    Transform transform;
    int i = blockIdx.x * BLOCK + threadIdx.x;
    partial[threadIdx.x] = i < n ? transform(in[i]) : (float)Reduce::identity;
    __syncthreads();
    for (int stride = BLOCK / 2; stride > 0; stride >>= 1)
    {
        if (threadIdx.x < stride)
        {
            partial[threadIdx.x] = Reduce::apply(partial[threadIdx.x], partial[threadIdx.x + stride]);
        }
        __syncthreads();
    }
    if (threadIdx.x == 0)
    {
        if (Accumulate)
        {
            atomicAdd(out, partial[0]);
        }
        else
        {
            out[blockIdx.x] = partial[0];
        }
    }
}

template <typename T>
__global__ void axpy(T a, const T* x, T* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
    {
        y[i] = a * x[i] + y[i];
    }
}

void run(const float* d_in, float* d_out, float* d_y, int n)
{
    const int BLOCK = 256;
    float alpha = 0.5f;
    transform_reduce<Square, Sum, BLOCK, true><<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(d_in, d_out, n);
    axpy<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(alpha, d_in, d_y, n);
}
