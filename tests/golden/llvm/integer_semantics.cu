// Signed and unsigned division, remainder and shifts choose sdiv/udiv, srem/urem, ashr/lshr.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* s, unsigned* u)
{
    s[0] = s[1] / s[2];
    u[0] = u[1] / u[2];
    s[3] = s[4] % s[5];
    u[3] = u[4] % u[5];
    s[6] = s[7] >> 3;
    u[6] = u[7] >> 3;
}
// CHECK: sdiv i32
// CHECK: udiv i32
// CHECK: srem i32
// CHECK: urem i32
// CHECK: ashr i32 %{{[0-9]+}}, 3
// CHECK: lshr i32 %{{[0-9]+}}, 3
