// Row-wise softmax, y[r][c] = exp(x[r][c] - max_r) / sum_c exp(x[r][c] - max_r), one block per row.
// Subtracting the row maximum keeps expf from overflowing for large inputs without changing the result.
// Each thread strides over the row's columns; the block then combines its values in two levels: a
// butterfly reduction in registers inside each warp (__shfl_xor_sync leaves the result in every lane), and
// one value per warp through shared memory.
#include <cuda_runtime.h>

__device__ float warp_reduce_max(float v) {
#pragma unroll
  for (int mask = 16; mask > 0; mask >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffff, v, mask));
  return v;
}

__device__ float warp_reduce_sum(float v) {
#pragma unroll
  for (int mask = 16; mask > 0; mask >>= 1) v += __shfl_xor_sync(0xffffffff, v, mask);
  return v;
}

// Every thread of the block gets the maximum of all threads' values.
template <int BLOCK>
__device__ float block_reduce_max(float v, float* scratch) {
  int lane = threadIdx.x % warpSize, warp = threadIdx.x / warpSize;
  v = warp_reduce_max(v);
  if (lane == 0) scratch[warp] = v;
  __syncthreads();
  v = warp_reduce_max(lane < BLOCK / 32 ? scratch[lane] : -INFINITY);
  __syncthreads();  // scratch is reused by the next reduction
  return v;
}

// Every thread of the block gets the sum of all threads' values.
template <int BLOCK>
__device__ float block_reduce_sum(float v, float* scratch) {
  int lane = threadIdx.x % warpSize, warp = threadIdx.x / warpSize;
  v = warp_reduce_sum(v);
  if (lane == 0) scratch[warp] = v;
  __syncthreads();
  v = warp_reduce_sum(lane < BLOCK / 32 ? scratch[lane] : 0.0f);
  __syncthreads();
  return v;
}

template <int BLOCK>
__global__ void softmax_rows(const float* __restrict__ in, float* __restrict__ out, int cols) {
  __shared__ float scratch[BLOCK / 32];
  const float* x = in + (size_t)blockIdx.x * cols;
  float* y = out + (size_t)blockIdx.x * cols;

  float m = -INFINITY;
  for (int c = threadIdx.x; c < cols; c += BLOCK) m = fmaxf(m, x[c]);
  m = block_reduce_max<BLOCK>(m, scratch);

  float s = 0.0f;
  for (int c = threadIdx.x; c < cols; c += BLOCK) s += expf(x[c] - m);
  s = block_reduce_sum<BLOCK>(s, scratch);

  float inv = 1.0f / s;
  for (int c = threadIdx.x; c < cols; c += BLOCK) y[c] = expf(x[c] - m) * inv;
}

void softmax_host(const float* in, float* out, int rows, int cols) {
  softmax_rows<128><<<rows, 128>>>(in, out, cols);
}
