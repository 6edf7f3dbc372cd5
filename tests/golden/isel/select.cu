// A ternary on values selects (selp) instead of branching at -O2.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* out, int a, int b)
{
    out[threadIdx.x] = threadIdx.x < 16 ? a : b;
}
// CHECK: setp
// CHECK: selp.b32
// CHECK-NOT: bra
// CHECK: exit
