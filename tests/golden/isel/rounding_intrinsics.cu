// __fmul_rn/__fadd_rn (explicitly rounded, never contracted) are declared in the built-in header and should select
// mul.f32 and add.f32 without fusing them.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(float* o)
{
    o[0] = __fadd_rn(__fmul_rn(o[1], o[2]), o[3]);
}
// CHECK-NOT: fma.f32
// CHECK: mul.f32
// CHECK-NOT: fma.f32
// CHECK: add.f32
