// A fully unrolled constant-trip loop leaves no loop (no back edge, no llvm.loop) after the O2 pipeline.
// RUN: bytechipcc --emit-llvm -O2 %s | FileCheck
__global__ void k(float* out)
{
#pragma unroll
    for (int i = 0; i < 4; i++)
        out[i] = (float)i;
}
// CHECK-LABEL: define void @_Z1kPf(
// CHECK-NOT: br label
// CHECK-NOT: llvm.loop
// CHECK: store float 3.000000e+00
// CHECK: ret void
