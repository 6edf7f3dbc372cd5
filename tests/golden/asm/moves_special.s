// Every form of the moves special group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel moves_special
    mov.b32 R0, R1
    mov.b32 R0, 0x12345678
    mov.b64 R2, R4
    s2r R0, %laneid
    s2r R1, %nctaid.y
    s2r R2, %lanemask_lt
    s2r R3, %dynsmem
    pack.b64 R4, R0, R1
    unpack.lo.b32 R0, R4
    unpack.hi.b32 R1, R4
    exit
.end
