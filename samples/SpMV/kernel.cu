// Sparse matrix-vector product y = A*x with A in CSR form (row_ptr, cols, vals), two classic mappings
// (after Bell and Garland, "Efficient Sparse Matrix-Vector Multiplication on CUDA"):
//   spmv_csr_scalar: one thread per row. Simple, but the threads of a warp walk different rows, so their
//     loads are scattered and rows of different lengths make the warp diverge.
//   spmv_csr_vector: one warp per row. The 32 lanes read consecutive nonzeros (coalesced) and the partial
//     sums are combined with __shfl_down_sync; lane 0 writes the row's result.
#include <cuda_runtime.h>

__global__ void spmv_csr_scalar(int rows, const int* __restrict__ row_ptr, const int* __restrict__ cols,
                                const float* __restrict__ vals, const float* __restrict__ x, float* __restrict__ y) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < rows) {
    float dot = 0.0f;
    for (int j = row_ptr[row]; j < row_ptr[row + 1]; j++) dot += vals[j] * x[cols[j]];
    y[row] = dot;
  }
}

__global__ void spmv_csr_vector(int rows, const int* __restrict__ row_ptr, const int* __restrict__ cols,
                                const float* __restrict__ vals, const float* __restrict__ x, float* __restrict__ y) {
  int thread_id = blockIdx.x * blockDim.x + threadIdx.x;
  int row = thread_id / warpSize;  // one warp per row
  int lane = thread_id % warpSize;
  if (row < rows) {  // the same for the whole warp
    float sum = 0.0f;
    for (int j = row_ptr[row] + lane; j < row_ptr[row + 1]; j += warpSize) sum += vals[j] * x[cols[j]];
    for (int offset = warpSize / 2; offset > 0; offset /= 2) sum += __shfl_down_sync(0xffffffff, sum, offset);
    if (lane == 0) y[row] = sum;
  }
}

void spmv_host(int rows, const int* row_ptr, const int* cols, const float* vals, const float* x, float* y) {
  spmv_csr_scalar<<<(rows + 127) / 128, 128>>>(rows, row_ptr, cols, vals, x, y);
  spmv_csr_vector<<<(rows * 32 + 127) / 128, 128>>>(rows, row_ptr, cols, vals, x, y);
}
