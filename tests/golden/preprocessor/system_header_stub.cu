// BC1023 (warning): an unknown system header becomes an empty stub; known CUDA headers are silent.
// RUN: bytechipcc -fsyntax-only %s | verify
#include <cuda_runtime.h>
#include <thrust/device_vector.h> // expected-warning BC1023 {{thrust/device_vector.h}}
__global__ void k(int* out) { out[0] = 1; }
