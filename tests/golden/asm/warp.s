// Every form of the warp group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel warp
    mov.b32 R9, 0xffffffff
    mov.b32 R8, 31
    shfl.idx.b32 R0, R1, R2, R8, R9
    shfl.up.b32 R0, R1, R2, RZ, R9
    shfl.down.b32 R0, R1, R2, R8, R9
    shfl.bfly.b32 R0, R1, R2, R8, R9
    vote.all P0, P1, R9
    vote.any P0, P1, R9
    vote.ballot.b32 R0, P1, R9
    vote.uni P0, P1, R9
    exit
.end
