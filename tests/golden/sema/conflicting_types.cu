// BC3047: functions that differ only in their return type.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int f(int x);
__device__ float f(int x); // expected-error BC3047

__global__ void k(int* out) { out[0] = 1; }
