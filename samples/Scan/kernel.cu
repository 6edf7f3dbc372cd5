// Prefix sum (scan) of an int array of any length, in three passes.
//   1. scan_blocks: every block loads 2*BLOCK elements into shared memory and runs Blelloch's work-efficient
//      exclusive scan (an up-sweep that builds a reduction tree in place, then a down-sweep that pushes the
//      prefixes back down), writes the scanned chunk and the chunk's total to block_sums.
//   2. The same kernel scans block_sums in one block (up to 2*BLOCK chunks), giving each chunk's offset.
//   3. add_block_offsets adds each chunk's offset to its elements.
// warp_inclusive_scan shows the other classic formulation: Hillis-Steele (log2(32) steps, each lane adds the
// value 1, 2, 4, 8, 16 lanes below it), done in registers with __shfl_up_sync, then across the warps of the
// block through shared memory.
#include <cuda_runtime.h>

template <int BLOCK>
__global__ void scan_blocks(const int* __restrict__ in, int* __restrict__ out, int* __restrict__ block_sums, int n) {
  __shared__ int temp[2 * BLOCK];
  int tid = threadIdx.x;
  int base = blockIdx.x * 2 * BLOCK;
  temp[tid] = base + tid < n ? in[base + tid] : 0;
  temp[tid + BLOCK] = base + tid + BLOCK < n ? in[base + tid + BLOCK] : 0;

  // Up-sweep (reduce): after it, temp[2*BLOCK - 1] holds the chunk's total.
  int offset = 1;
  for (int d = BLOCK; d > 0; d >>= 1) {
    __syncthreads();
    if (tid < d) {
      int a = offset * (2 * tid + 1) - 1;
      int b = offset * (2 * tid + 2) - 1;
      temp[b] += temp[a];
    }
    offset *= 2;
  }
  if (tid == 0) {
    if (block_sums != nullptr) block_sums[blockIdx.x] = temp[2 * BLOCK - 1];
    temp[2 * BLOCK - 1] = 0;
  }

  // Down-sweep: swap and add, from the root to the leaves.
  for (int d = 1; d < 2 * BLOCK; d *= 2) {
    offset >>= 1;
    __syncthreads();
    if (tid < d) {
      int a = offset * (2 * tid + 1) - 1;
      int b = offset * (2 * tid + 2) - 1;
      int t = temp[a];
      temp[a] = temp[b];
      temp[b] += t;
    }
  }
  __syncthreads();
  if (base + tid < n) out[base + tid] = temp[tid];
  if (base + tid + BLOCK < n) out[base + tid + BLOCK] = temp[tid + BLOCK];
}

template <int BLOCK>
__global__ void add_block_offsets(int* __restrict__ out, const int* __restrict__ block_offsets, int n) {
  int i = blockIdx.x * 2 * BLOCK + threadIdx.x;
  int offset = block_offsets[blockIdx.x];
  if (i < n) out[i] += offset;
  if (i + BLOCK < n) out[i + BLOCK] += offset;
}

// Inclusive scan of each block's BLOCK elements (not combined across blocks).
template <int BLOCK>
__global__ void warp_inclusive_scan(const int* __restrict__ in, int* __restrict__ out, int n) {
  __shared__ int warp_totals[BLOCK / 32];
  int i = blockIdx.x * BLOCK + threadIdx.x;
  int lane = threadIdx.x % warpSize;
  int warp = threadIdx.x / warpSize;
  int v = i < n ? in[i] : 0;

#pragma unroll
  for (int delta = 1; delta < 32; delta *= 2) {
    int below = __shfl_up_sync(0xffffffff, v, delta);
    if (lane >= delta) v += below;
  }
  if (lane == 31) warp_totals[warp] = v;
  __syncthreads();

  if (warp == 0) {
    int t = lane < BLOCK / 32 ? warp_totals[lane] : 0;
#pragma unroll
    for (int delta = 1; delta < 32; delta *= 2) {
      int below = __shfl_up_sync(0xffffffff, t, delta);
      if (lane >= delta) t += below;
    }
    if (lane < BLOCK / 32) warp_totals[lane] = t;
  }
  __syncthreads();
  if (warp > 0) v += warp_totals[warp - 1];
  if (i < n) out[i] = v;
}

constexpr int BLOCK = 256;

void scan_host(const int* in, int* out, int* block_sums, int* block_offsets, int n) {
  int chunks = (n + 2 * BLOCK - 1) / (2 * BLOCK);
  scan_blocks<BLOCK><<<chunks, BLOCK>>>(in, out, block_sums, n);
  scan_blocks<BLOCK><<<1, BLOCK>>>(block_sums, block_offsets, nullptr, chunks);
  add_block_offsets<BLOCK><<<chunks, BLOCK>>>(out, block_offsets, n);
  warp_inclusive_scan<BLOCK><<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(in, out, n);
}
