// Every form of the float group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel float
    add.f32 R0, R1, R2
    add.f32 R0, R1, 1.5
    sub.f32 R0, R1, R2
    mul.f32 R0, R1, -2
    fma.f32 R0, R1, R2, R3
    fma.f32 R0, R1, 0.5
    div.f32 R0, R1, R2
    min.f32 R0, R1, R2
    max.f32 R0, R1, R2
    abs.f32 R0, R1
    neg.f32 R0, R1
    sqrt.f32 R0, R1
    rcp.approx.f32 R0, R1
    rsqrt.approx.f32 R0, R1
    ex2.approx.f32 R0, R1
    ex2.approx.ftz.f32 R0, R1
    lg2.approx.f32 R0, R1
    sin.approx.f32 R0, R1
    cos.approx.f32 R0, R1
    rndi.rmi.f32 R0, R1
    add.f64 R0, R2, R4
    fma.f64 R0, R2, R4, R6
    div.f64 R0, R2, R4
    sqrt.f64 R0, R2
    rcp.approx.f64 R0, R2
    rndi.rzi.f64 R0, R2
    exit
.end
