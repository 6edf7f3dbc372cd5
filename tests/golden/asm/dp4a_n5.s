// dp4a (n5 only): every signedness form assembles for n5 and is BC5013 for n4.
// RUN: bcas %s | bcobjdump -d --no-encoding | FileCheck
// RUN: not bcas %{inputs}/dp4a_n4.s |& FileCheck --check-prefix=N4
// N4: Inputs/dp4a_n4.s:4:5: error BC5013
.target n5
.kernel dot
    dp4a.s32.s8.s8 R0, R1, R2, R3
    dp4a.u32.u8.u8 R0, R1, R2, R3
    dp4a.s32.s8.u8 R0, R1, R2, R3
    dp4a.s32.u8.s8 R0, R1, R2, R3
    exit
.end
// CHECK-COUNT-4: dp4a.
