// Every form of the int32 group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel int32
    add.u32 R0, R1, R2
    sub.u32 R0, R1, 5
    mul.lo.u32 R0, R1, R2
    mulhi.u32 R0, R1, R2
    mulhi.s32 R0, R1, R2
    mad.lo.u32 R0, R1, R2, R3
    min.s32 R0, R1, -3
    max.u32 R0, R1, R2
    and.b32 R0, R1, 0xff
    or.b32 R0, R1, R2
    xor.b32 R0, R1, R2
    shl.b32 R0, R1, 4
    shr.u32 R0, R1, R2
    shr.s32 R0, R1, 31
    div.u32 R0, R1, R2
    div.s32 R0, R1, R2
    rem.u32 R0, R1, R2
    rem.s32 R0, R1, R2
    not.b32 R0, R1
    neg.s32 R0, R1
    abs.s32 R0, R1
    popc.b32 R0, R1
    clz.b32 R0, R1
    brev.b32 R0, R1
    bfe.u32 R0, R1, R2, R3
    bfe.s32 R0, R1, R2, R3
    bfi.b32 R0, R1, R2, R3, R4
    exit
.end
