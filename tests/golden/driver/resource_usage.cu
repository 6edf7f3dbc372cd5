// --resource-usage: one line per kernel (registers, predicates, shared/local bytes, spills, parameters, instructions).
// RUN: bytechipcc --resource-usage -O2 %s | precise
// RUN: bytechipcc --resource-usage -O0 --arch n5 %s | precise n5-O0
__global__ void scale(float* p, float a, int n)
{
    __shared__ float tile[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x] = i < n ? p[i] : 0.0f;
    __syncthreads();
    if (i < n)
        p[i] = tile[63 - threadIdx.x] * a;
}

__global__ void count(int* c) { atomicAdd(c, 1); }
