// 1-D stencil (and a 2-D Jacobi sweep below): out[i] = sum over k in [-RADIUS, RADIUS] of weights[k + RADIUS] * in[i + k], zero outside.
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

// One Jacobi sweep for Laplace's equation on a w x h grid (row-major): every interior point becomes the mean of
// its four neighbours, boundary points keep their (Dirichlet) values. Each TILE x TILE block stages its points
// plus a one-point halo in shared memory; threads on the tile's edges load the halo.
#define TILE 16

__global__ void jacobi_2d(const float* __restrict__ in, float* __restrict__ out, int w, int h) {
  __shared__ float tile[TILE + 2][TILE + 2];
  int x = blockIdx.x * TILE + threadIdx.x;
  int y = blockIdx.y * TILE + threadIdx.y;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = x < w && y < h;
  tile[ty][tx] = inside ? in[y * w + x] : 0.0f;
  if (inside) {
    if (threadIdx.x == 0 && x > 0) tile[ty][0] = in[y * w + x - 1];
    if (threadIdx.x == TILE - 1 && x + 1 < w) tile[ty][TILE + 1] = in[y * w + x + 1];
    if (threadIdx.y == 0 && y > 0) tile[0][tx] = in[(y - 1) * w + x];
    if (threadIdx.y == TILE - 1 && y + 1 < h) tile[TILE + 1][tx] = in[(y + 1) * w + x];
  }
  __syncthreads();
  if (!inside) return;
  if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
    out[y * w + x] = tile[ty][tx];
    return;
  }
  out[y * w + x] = 0.25f * (tile[ty - 1][tx] + tile[ty + 1][tx] + tile[ty][tx - 1] + tile[ty][tx + 1]);
}

void stencil_host(const float* in, float* out, int n) {
  stencil_1d<<<(n + BLOCK_SIZE - 1) / BLOCK_SIZE, BLOCK_SIZE>>>(in, out, n);
}

void jacobi_host(float* a, float* b, int w, int h, int sweeps) {
  dim3 block(TILE, TILE), grid((w + TILE - 1) / TILE, (h + TILE - 1) / TILE);
  for (int s = 0; s < sweeps; s++) {
    jacobi_2d<<<grid, block>>>(s % 2 == 0 ? a : b, s % 2 == 0 ? b : a, w, h);
  }
}
