// A counted loop (kept rolled with #pragma unroll 1): compare into a predicate and one uniform guarded branch
// back to the loop head (a lower address); branch folding inverted the exit test, so an iteration costs one branch
// and the exit falls out of the bottom (the scheduler may interleave the body, hence CHECK-DAG). The loop-carried sum is coalesced with its update (no copy per iteration).
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
// CHECK-DAG: ld.global.b32
// CHECK-DAG: add.f32 [[S:R[0-9]+]], [[S]], R{{[0-9]+}}
// CHECK-DAG: setp.{{[a-z]+}}.{{[su]}}32 [[P:P[0-6]]]
// CHECK: @![[P]] bra.uni [[HEAD]]
// CHECK-NOT: mov.b32 [[S]], R{{[0-9]+}}
