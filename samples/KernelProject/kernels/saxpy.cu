// y[i] = a * x[i] + y[i], one thread per element.
#include "common.h"

__global__ void saxpy(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
  int i = global_index();
  if (i < n) y[i] = a * x[i] + y[i];
}
