// Vector addition: c[i] = a[i] + b[i], one thread per element.
// The "hello world" of CUDA: global thread index from blockIdx/blockDim/threadIdx, a bounds check for the
// last, partial block, and a grid-stride variant that lets a fixed-size grid cover any n.
#include <cuda_runtime.h>

__global__ void vector_add(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) c[i] = a[i] + b[i];
}

// Grid-stride loop: each thread handles elements i, i + stride, i + 2*stride, ...
__global__ void vector_add_grid_stride(const float* __restrict__ a, const float* __restrict__ b, float* __restrict__ c, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) c[i] = a[i] + b[i];
}

// Host side, as the CUDA programming guide writes it.
void vector_add_host(const float* a, const float* b, float* c, int n) {
  const int threads = 256;
  vector_add<<<(n + threads - 1) / threads, threads>>>(a, b, c, n);
  vector_add_grid_stride<<<32, threads>>>(a, b, c, n);
}
