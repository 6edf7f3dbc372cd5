// 256-bin byte histogram with privatized shared-memory bins.
// Every block keeps its own copy of the bins in shared memory, so the many atomic increments contend only
// within the block (fast shared atomics); at the end each block adds its bins to the global result with one
// global atomic per bin. The input is read as bytes with a grid-stride loop.
#include <cuda_runtime.h>

#define NUM_BINS 256

__global__ void histogram256(const unsigned char* __restrict__ data, unsigned int* __restrict__ bins, int n) {
  __shared__ unsigned int local_bins[NUM_BINS];
  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) local_bins[b] = 0;
  __syncthreads();

  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local_bins[data[i]], 1u);
  __syncthreads();

  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) {
    unsigned int count = local_bins[b];
    if (count != 0) atomicAdd(&bins[b], count);
  }
}

void histogram_host(const unsigned char* data, unsigned int* bins, int n) {
  histogram256<<<16, 256>>>(data, bins, n);
}
