// Tree reduction in shared memory, templated on the block size, launched from host code.
#include <cuda_runtime.h>

template <unsigned int BLOCK>
__device__ void warpReduce(volatile float* sdata, unsigned int tid)
{
    if (BLOCK >= 64) sdata[tid] += sdata[tid + 32];
    if (BLOCK >= 32) sdata[tid] += sdata[tid + 16];
    if (BLOCK >= 16) sdata[tid] += sdata[tid + 8];
    if (BLOCK >= 8) sdata[tid] += sdata[tid + 4];
    if (BLOCK >= 4) sdata[tid] += sdata[tid + 2];
    if (BLOCK >= 2) sdata[tid] += sdata[tid + 1];
}

template <unsigned int BLOCK>
__global__ void reduce(const float* __restrict__ in, float* __restrict__ out, unsigned int n)
{
    __shared__ float sdata[BLOCK];
    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * (BLOCK * 2) + threadIdx.x;
    unsigned int gridSize = BLOCK * 2 * gridDim.x;
    float sum = 0.0f;
    while (i < n) {
        sum += in[i];
        if (i + BLOCK < n) sum += in[i + BLOCK];
        i += gridSize;
    }
    sdata[tid] = sum;
    __syncthreads();
    if (BLOCK >= 512) { if (tid < 256) { sdata[tid] += sdata[tid + 256]; } __syncthreads(); }
    if (BLOCK >= 256) { if (tid < 128) { sdata[tid] += sdata[tid + 128]; } __syncthreads(); }
    if (BLOCK >= 128) { if (tid < 64) { sdata[tid] += sdata[tid + 64]; } __syncthreads(); }
    if (tid < 32) warpReduce<BLOCK>(sdata, tid);
    if (tid == 0) out[blockIdx.x] = sdata[0];
}

void run(const float* d_in, float* d_out, unsigned int n)
{
    reduce<256><<<64, 256>>>(d_in, d_out, n);
    reduce<128><<<1, 128>>>(d_out, d_out, 64);
}
