// Contraction: a*b+c in one expression becomes fma.f32 at every level; at -O2 also across statements.
// RUN: bytechipcc -S -O2 %s | FileCheck --check-prefixes=CHECK,O2
// RUN: bytechipcc -S -O0 %s | FileCheck --check-prefixes=CHECK,O0
__global__ void k(float* o)
{
    float p = o[0] * o[1];
    o[2] = p + o[3];
    o[4] = o[5] * o[6] + o[7];
}
// O2-NOT: mul.f32
// O0: mul.f32
// O0: add.f32
// CHECK: fma.f32
// O2: fma.f32
// CHECK-NOT: add.f32
