// Parallel sum reduction (after Mark Harris, "Optimizing Parallel Reduction in CUDA").
// Each thread first accumulates a grid-stride slice in a register (two loads per iteration), the block then
// combines its values in shared memory with sequential addressing (no bank conflicts, no divergent warps
// until the last 32 values), and the last warp finishes with register shuffles instead of shared memory.
// One launch turns n values into one partial sum per block; a second one-block launch sums the partials.
#include <cuda_runtime.h>

template <unsigned int BLOCK>
__global__ void reduce_sum(const float* __restrict__ in, float* __restrict__ out, unsigned int n) {
  __shared__ float sdata[BLOCK];
  unsigned int tid = threadIdx.x;
  unsigned int i = blockIdx.x * (BLOCK * 2) + tid;
  unsigned int grid_size = BLOCK * 2 * gridDim.x;

  float sum = 0.0f;
  while (i < n) {
    sum += in[i];
    if (i + BLOCK < n) sum += in[i + BLOCK];
    i += grid_size;
  }
  sdata[tid] = sum;
  __syncthreads();

#pragma unroll
  for (unsigned int s = BLOCK / 2; s > 32; s >>= 1) {
    if (tid < s) sdata[tid] = sum = sum + sdata[tid + s];
    __syncthreads();
  }

  if (tid < 32) {
    if (BLOCK >= 64) sum += sdata[tid + 32];
    for (int offset = warpSize / 2; offset > 0; offset /= 2) sum += __shfl_down_sync(0xffffffff, sum, offset);
  }
  if (tid == 0) out[blockIdx.x] = sum;
}

void reduce_host(const float* in, float* partial, float* result, unsigned int n, unsigned int blocks) {
  reduce_sum<256><<<blocks, 256>>>(in, partial, n);
  reduce_sum<256><<<1, 256>>>(partial, result, blocks);
}
