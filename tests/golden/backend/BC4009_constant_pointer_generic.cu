// BC4009: at -O0 a pointer to __constant__ data reaches a __noinline__ function as a generic pointer, which cannot
// address constant memory; at -O2 address-space inference keeps the constant space visible and it compiles.
// RUN: not bytechipcc -O0 %s | verify
// RUN: bytechipcc -O2 %s
__constant__ float table[4] = {1.0f, 2.0f, 3.0f, 4.0f};
__device__ __noinline__ float get(const float* p, int i) { return p[i]; }
__global__ void k(float* out) { out[threadIdx.x] = get(table, threadIdx.x & 3); } // expected-error BC4009 {{a pointer to __constant__ or parameter memory is used as a generic pointer}}
