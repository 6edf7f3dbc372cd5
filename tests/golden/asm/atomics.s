// Every form of the atomics group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel atomics
    atom.global.add.u32 R0, [R2], R1
    atom.global.add.f64 R4, [R2], R6
    atom.global.cas.b32 R0, [R2], R1, R3
    atom.global.cas.b64 R4, [R2], R6, R8
    atom.global.inc.u32 R0, [R2], R1
    atom.shared.min.s32 R0, [R1], R3
    atom.shared.exch.b64 R4, [R1], R6
    atom.generic.xor.b32 R0, [R2], R1
    atom.generic.max.u64 R4, [R2], R6
    exit
.end
