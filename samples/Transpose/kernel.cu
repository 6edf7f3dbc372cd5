// Matrix transpose (after NVIDIA's "An Efficient Matrix Transpose in CUDA C/C++").
// transpose_naive reads rows and writes columns, so its global writes are strided (uncoalesced).
// transpose_tiled stages a TILE_DIM x TILE_DIM tile in shared memory: it reads rows of the input and writes
// rows of the output, both coalesced. The tile has one padding column (TILE_DIM + 1) so that reading a
// column of the tile touches 32 different shared-memory banks instead of one. Each block of
// TILE_DIM x BLOCK_ROWS threads moves a whole tile, every thread TILE_DIM / BLOCK_ROWS elements.
#include <cuda_runtime.h>

#define TILE_DIM 32
#define BLOCK_ROWS 8

__global__ void transpose_naive(float* __restrict__ odata, const float* __restrict__ idata, int width, int height) {
  int x = blockIdx.x * TILE_DIM + threadIdx.x;
  int y = blockIdx.y * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < width && y + j < height) odata[x * height + (y + j)] = idata[(y + j) * width + x];
}

__global__ void transpose_tiled(float* __restrict__ odata, const float* __restrict__ idata, int width, int height) {
  __shared__ float tile[TILE_DIM][TILE_DIM + 1];

  int x = blockIdx.x * TILE_DIM + threadIdx.x;
  int y = blockIdx.y * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < width && y + j < height) tile[threadIdx.y + j][threadIdx.x] = idata[(y + j) * width + x];
  __syncthreads();

  // Swap the block indices: this block writes the mirrored tile of the output.
  x = blockIdx.y * TILE_DIM + threadIdx.x;
  y = blockIdx.x * TILE_DIM + threadIdx.y;
  for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
    if (x < height && y + j < width) odata[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];
}

void transpose_host(float* out, const float* in, int width, int height) {
  dim3 grid((width + TILE_DIM - 1) / TILE_DIM, (height + TILE_DIM - 1) / TILE_DIM);
  dim3 block(TILE_DIM, BLOCK_ROWS);
  transpose_naive<<<grid, block>>>(out, in, width, height);
  transpose_tiled<<<grid, block>>>(out, in, width, height);
}
