// __fmul_rn/__fadd_rn (explicitly rounded, never contracted) are declared in the built-in header and should select
// mul.f32 and add.f32 without fusing them.
// XFAIL: BC4005 "call to '__fmul_rnf', which is not defined in this module and is not a ByteChip built-in": the header's __fmul_rn/__fadd_rn reach the backend as unknown calls
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(float* o)
{
    o[0] = __fadd_rn(__fmul_rn(o[1], o[2]), o[3]);
}
// CHECK: mul.f32
// CHECK-NEXT: add.f32
