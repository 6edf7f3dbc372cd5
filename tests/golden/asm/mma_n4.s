// mma (n4 only): assembles for n4; the same file for n5 is BC5013 at the instruction.
// RUN: bcas %s | bcobjdump -d --no-encoding | FileCheck
// RUN: not bcas --arch n5 %{inputs}/mma_no_target.s |& FileCheck --check-prefix=N5
.target n4
.kernel mma
    mma.m16n8k16.f32.bf16 R0, R4, R8, R12
    mma.m16n8k16.f32.f16 R0, R4, R8, R12
    exit
.end
// CHECK: mma.m16n8k16.f32.bf16 R0, R4, R8, R12
// CHECK-NEXT: mma.m16n8k16.f32.f16 R0, R4, R8, R12
// N5: mma_no_target.s:3:5: error BC5013
