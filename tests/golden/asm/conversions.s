// Every form of the conversions group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel conversions
    cvt.u8.s32 R0, R1
    cvt.s16.u32 R0, R1
    cvt.u32.s64 R0, R2
    cvt.s64.s32 R2, R1
    cvt.rn.f32.s32 R0, R1
    cvt.rz.f32.u64 R0, R2
    cvt.rn.f64.u32 R2, R1
    cvt.rni.s32.f32 R0, R1
    cvt.rzi.u64.f64 R2, R4
    cvt.rn.f16.f32 R0, R1
    cvt.rn.bf16.f32 R0, R1
    cvt.rn.f32.f16 R0, R1
    cvt.rn.f64.f32 R2, R1
    cvt.rm.f32.f64 R0, R2
    exit
.end
