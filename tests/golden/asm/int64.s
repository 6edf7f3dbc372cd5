// Every form of the int64 group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel int64
    add.u64 R0, R2, R4
    add.u64 R0, R2, -8
    sub.u64 R0, R2, R4
    mul.lo.u64 R0, R2, R4
    mad.lo.u64 R0, R2, R4, R6
    shl.b64 R0, R2, R4
    shl.b64 R0, R2, 3
    shr.s64 R0, R2, 63
    div.s64 R0, R2, R4
    rem.u64 R0, R2, R4
    popc.b64 R1, R2
    clz.b64 R1, R2
    mul.wide.u32 R0, R2, R3
    mul.wide.s32 R0, R2, 4
    mad.wide.s32 R0, R2, R3, R4
    mov.b64 R0, -1
    and.b64 R0, R2, 0x7fffffff
    exit
.end
