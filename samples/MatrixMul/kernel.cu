// Tiled matrix multiply C = A * B (A is M x K, B is K x N, row-major).
// Each block computes a TILE x TILE tile of C. It walks along K in steps of TILE: the block loads one tile of
// A and one of B into shared memory (each thread loads one element of each), synchronizes, and every thread
// accumulates TILE products from shared memory. Global memory is read K/TILE times less often than by the
// naive kernel. Tiles past the edges of A and B are padded with zeros so M, N and K need not be multiples
// of TILE.
#include <cuda_runtime.h>

template <int TILE>
__global__ void matmul_tiled(const float* __restrict__ A, const float* __restrict__ B, float* __restrict__ C,
                             int M, int N, int K) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];

  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;
  float acc = 0.0f;

  for (int t = 0; t < (K + TILE - 1) / TILE; ++t) {
    int a_col = t * TILE + tx;
    int b_row = t * TILE + ty;
    As[ty][tx] = (row < M && a_col < K) ? A[row * K + a_col] : 0.0f;
    Bs[ty][tx] = (b_row < K && col < N) ? B[b_row * N + col] : 0.0f;
    __syncthreads();

#pragma unroll
    for (int k = 0; k < TILE; ++k) acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  if (row < M && col < N) C[row * N + col] = acc;
}

void matmul_host(const float* A, const float* B, float* C, int M, int N, int K) {
  dim3 block(16, 16);
  dim3 grid((N + 15) / 16, (M + 15) / 16);
  matmul_tiled<16><<<grid, block>>>(A, B, C, M, N, K);
}
