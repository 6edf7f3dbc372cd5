// Bitonic sort (Batcher's sorting network, after the CUDA SDK's sortingNetworks sample) of 2^k unsigned keys.
// A comparator at stride j pairs pos with pos + j, where pos has bit j clear; it sorts the pair ascending when
// bit `size` of pos is clear, descending otherwise, so the sorted runs of length `size` alternate in direction
// and every two of them form a bitonic sequence for the next merge. Strides below TILE run in shared memory
// (one block per tile, one comparator per thread, a barrier between strides); larger strides run one launch
// each over global memory.
#include <cuda_runtime.h>

__device__ void compare_exchange(unsigned int* s, unsigned int a, unsigned int b, bool ascending) {
  unsigned int x = s[a];
  unsigned int y = s[b];
  if ((x > y) == ascending) {
    s[a] = y;
    s[b] = x;
  }
}

// Sorts each tile of TILE keys: ascending in even tiles, descending in odd ones. TILE / 2 threads per block.
template <unsigned int TILE>
__global__ void bitonic_sort_shared(unsigned int* keys) {
  __shared__ unsigned int s[TILE];
  unsigned int t = threadIdx.x;
  unsigned int base = blockIdx.x * TILE;
  s[t] = keys[base + t];
  s[t + TILE / 2] = keys[base + t + TILE / 2];
  __syncthreads();
  for (unsigned int size = 2; size <= TILE; size <<= 1) {
    for (unsigned int stride = size / 2; stride > 0; stride >>= 1) {
      unsigned int pos = 2 * t - (t & (stride - 1));
      compare_exchange(s, pos, pos + stride, ((base + pos) & size) == 0);
      __syncthreads();
    }
  }
  keys[base + t] = s[t];
  keys[base + t + TILE / 2] = s[t + TILE / 2];
}

// One merge step with stride >= TILE for runs of length `size`: one comparator per thread, n / 2 threads.
__global__ void bitonic_merge_global(unsigned int* keys, unsigned int size, unsigned int stride) {
  unsigned int t = blockIdx.x * blockDim.x + threadIdx.x;
  unsigned int pos = 2 * t - (t & (stride - 1));
  compare_exchange(keys, pos, pos + stride, (pos & size) == 0);
}

// The strides TILE / 2 .. 1 of the merge for runs of length `size` (> TILE), in shared memory.
template <unsigned int TILE>
__global__ void bitonic_merge_shared(unsigned int* keys, unsigned int size) {
  __shared__ unsigned int s[TILE];
  unsigned int t = threadIdx.x;
  unsigned int base = blockIdx.x * TILE;
  s[t] = keys[base + t];
  s[t + TILE / 2] = keys[base + t + TILE / 2];
  __syncthreads();
  for (unsigned int stride = TILE / 2; stride > 0; stride >>= 1) {
    unsigned int pos = 2 * t - (t & (stride - 1));
    compare_exchange(s, pos, pos + stride, ((base + pos) & size) == 0);
    __syncthreads();
  }
  keys[base + t] = s[t];
  keys[base + t + TILE / 2] = s[t + TILE / 2];
}

// The host side of one merge round (runs of `size`), as a CUDA program would launch it; the sample's C# host
// does the same launches.
void bitonic_sort_host(unsigned int* keys, unsigned int n, unsigned int size, unsigned int stride) {
  bitonic_sort_shared<1024><<<n / 1024, 512>>>(keys);
  bitonic_merge_global<<<n / 512, 256>>>(keys, size, stride);
  bitonic_merge_shared<1024><<<n / 1024, 512>>>(keys, size);
}
