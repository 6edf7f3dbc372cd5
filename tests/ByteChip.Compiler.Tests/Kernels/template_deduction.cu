// Function templates with type parameters deduced from arguments, and explicit integer parameters.
template <typename T>
__device__ T clampT(T v, T lo, T hi) { return v < lo ? lo : (v > hi ? hi : v); }

template <typename T, int STRIDE>
__device__ void scatter(T* out, const T* in, int i) { out[i * STRIDE] = in[i]; }

template <typename T>
__global__ void clampKernel(T* data, T lo, T hi, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) data[i] = clampT(data[i], lo, hi);
}

__global__ void useTemplates(float* f, int* k, int n)
{
    int i = threadIdx.x;
    if (i < n) {
        f[i] = clampT(f[i], 0.0f, 1.0f);
        k[i] = clampT(k[i], 0, 255);
        scatter<float, 2>(f, f, i);
    }
}

void launch(float* f, int n) { clampKernel<float><<<1, 128>>>(f, 0.0f, 1.0f, n); }
