// bcobjdump over a compiled kernel; the whole output is the expectation (precise).
// RUN: bytechipcc -O2 --arch n5 %s | bcobjdump -f | precise
__constant__ float c[2] = {1.0f, 2.0f};
__global__ void k(float* out) { out[threadIdx.x] = c[threadIdx.x & 1]; }
