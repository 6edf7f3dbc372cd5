// 1-D stencil: out[i] = sum over k in [-RADIUS, RADIUS] of weights[k + RADIUS] * in[i + k], zero outside.
// Every block stages its BLOCK_SIZE inputs plus a halo of RADIUS elements on each side in shared memory
// (the first RADIUS threads load the halos), synchronizes, and then each thread reads its 2*RADIUS + 1
// neighbours from shared memory instead of global memory. The weights live in __constant__ memory, set by
// the host (cudaMemcpyToSymbol); all threads read the same weight at the same time, the case constant
// memory is made for.
#include <cuda_runtime.h>

#define RADIUS 4
#define BLOCK_SIZE 256

__constant__ float weights[2 * RADIUS + 1];

__global__ void stencil_1d(const float* __restrict__ in, float* __restrict__ out, int n) {
  __shared__ float temp[BLOCK_SIZE + 2 * RADIUS];
  int gindex = blockIdx.x * blockDim.x + threadIdx.x;
  int lindex = threadIdx.x + RADIUS;

  temp[lindex] = gindex < n ? in[gindex] : 0.0f;
  if (threadIdx.x < RADIUS) {
    int left = gindex - RADIUS;
    int right = gindex + BLOCK_SIZE;
    temp[lindex - RADIUS] = left >= 0 ? in[left] : 0.0f;
    temp[lindex + BLOCK_SIZE] = right < n ? in[right] : 0.0f;
  }
  __syncthreads();

  if (gindex < n) {
    float result = 0.0f;
#pragma unroll
    for (int offset = -RADIUS; offset <= RADIUS; offset++) result += weights[offset + RADIUS] * temp[lindex + offset];
    out[gindex] = result;
  }
}

void stencil_host(const float* in, float* out, int n) {
  stencil_1d<<<(n + BLOCK_SIZE - 1) / BLOCK_SIZE, BLOCK_SIZE>>>(in, out, n);
}
