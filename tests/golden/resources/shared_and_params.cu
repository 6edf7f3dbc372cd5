// Resource usage (registers, predicates, shared/local bytes, spills, parameter bytes, instructions) per kernel.
// RUN: bytechipcc --resource-usage -O2 %s | precise
// RUN: bytechipcc --resource-usage -O0 --arch n5 %s | precise n5-O0
__global__ void __launch_bounds__(256) k(const float* in, float* out, int n, double scale)
{
    __shared__ float tile[256];
    __shared__ int flags[8];
    tile[threadIdx.x] = in[threadIdx.x];
    if (threadIdx.x < 8) flags[threadIdx.x] = n;
    __syncthreads();
    out[threadIdx.x] = tile[255 - threadIdx.x] * (float)scale + flags[threadIdx.x & 7];
}
