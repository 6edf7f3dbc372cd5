// Per-block sums: each block adds its BLOCK_SIZE elements in shared memory (a tree reduction with barriers)
// and writes one partial sum; the host adds the partial sums.
#include "common.h"

__global__ void block_sum(const int* __restrict__ input, int* __restrict__ partial, int n) {
  __shared__ int tile[BLOCK_SIZE];
  int i = global_index();
  tile[threadIdx.x] = i < n ? input[i] : 0;
  __syncthreads();
  for (int stride = BLOCK_SIZE / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) tile[threadIdx.x] += tile[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) partial[blockIdx.x] = tile[0];
}
