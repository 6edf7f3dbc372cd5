// A counted loop (kept rolled with #pragma unroll 1): compare into a predicate, a uniform guarded exit
// branch and an unconditional branch back to the loop head (a lower address).
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(float* out, int n)
{
    float s = 0.0f;
#pragma unroll 1
    for (int i = 0; i < n; i++)
        s += out[i];
    out[n] = s;
}
// CHECK: [[HEAD:\.L[0-9a-f]+]]:
// CHECK: ld.global.b32
// CHECK: add.f32
// CHECK: setp.{{[a-z]+}}.{{[su]}}32 [[P:P[0-6]]]
// CHECK-NEXT: @[[P]] bra.uni [[EXIT:\.L[0-9a-f]+]]
// CHECK: bra [[HEAD]]
// CHECK-NEXT: [[EXIT]]:
