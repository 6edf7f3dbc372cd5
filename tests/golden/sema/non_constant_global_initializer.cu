// BC3053: a __device__ variable initialized from a non-constant.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int source = 3;
__device__ int copy = source; // expected-error BC3053

__global__ void k(int* out) { out[0] = copy; }
