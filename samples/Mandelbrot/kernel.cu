// Mandelbrot set: for every pixel c = (x0 + px*dx) + i(y0 + py*dy), iterate z = z^2 + c from z = 0 and
// record how many iterations it takes |z| to exceed 2 (max_iter if it never does).
// A 2-D grid of 2-D blocks covers the image, one thread per pixel. Neighbouring pixels need very different
// iteration counts, so the loop is divergent: the warp keeps iterating while any of its lanes does, with
// the finished lanes masked off (LaunchStatistics counts the divergent branches).
#include <cuda_runtime.h>

__global__ void mandelbrot(int* __restrict__ iterations, int width, int height, float x0, float y0, float dx, float dy,
                           int max_iter) {
  int px = blockIdx.x * blockDim.x + threadIdx.x;
  int py = blockIdx.y * blockDim.y + threadIdx.y;
  if (px >= width || py >= height) return;

  float cx = x0 + px * dx;
  float cy = y0 + py * dy;
  float x = 0.0f, y = 0.0f;
  int it = 0;
  while (x * x + y * y <= 4.0f && it < max_iter) {
    float xt = x * x - y * y + cx;
    y = 2.0f * x * y + cy;
    x = xt;
    ++it;
  }
  iterations[py * width + px] = it;
}

void mandelbrot_host(int* iterations, int width, int height) {
  dim3 block(16, 16);
  dim3 grid((width + 15) / 16, (height + 15) / 16);
  mandelbrot<<<grid, block>>>(iterations, width, height, -2.0f, -1.125f, 3.0f / width, 2.25f / height, 256);
}
