// At -O0 a __noinline__ device function stays a call with ret; -O2 still honors __noinline__.
// RUN: bytechipcc -S -O0 %s | FileCheck
// RUN: bytechipcc -S -O2 %s | FileCheck
__device__ __noinline__ int square(int x) { return x * x; }
__global__ void k(int* out) { out[threadIdx.x] = square(out[threadIdx.x]); }
// CHECK: call R{{[0-9]+}}, [[F:\.L[0-9a-f]+|[A-Za-z_][A-Za-z_0-9.]*]]
// CHECK: ret R{{[0-9]+}}
