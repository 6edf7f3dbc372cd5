// __device__ globals with initializers, __constant__ tables and static shared tiles.
__device__ int g_counter = 0;
__device__ float g_scale = 1.5f;
__constant__ int c_offsets[4] = { 0, 1, 2, 3 };

__global__ void useGlobals(float* out, int n)
{
    __shared__ float tile[128];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x % 128] = (float)c_offsets[i & 3] * g_scale;
    __syncthreads();
    if (i < n) {
        out[i] = tile[threadIdx.x % 128];
        atomicAdd(&g_counter, 1);
    }
}
