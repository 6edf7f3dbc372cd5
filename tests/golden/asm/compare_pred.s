// Every form of the compare pred group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel compare_pred
    setp.lt.s32 P0, R0, R1
    setp.ge.u32 P1, R0, 100
    setp.eq.s64 P2, R2, R4
    setp.ne.u64 P3, R2, 0
    setp.ltu.f32 P4, R0, R1
    setp.nan.f32 P5, R0, 1.5
    setp.gt.f64 P6, R2, R4
    and.pred P0, P1, P2
    or.pred P0, P1, P2
    xor.pred P0, P1, PT
    not.pred P0, P1
    mov.pred P0, P1
    selp.b32 R0, R1, R2, P0
    selp.b64 R0, R2, R4, P1
    exit
.end
