// Every form of the memory group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel memory
    .param p 8 8 ptr global
    ld.param.b64 R2, [RZ]
    ld.global.u8 R0, [R2]
    ld.global.s16 R0, [R2+0x2]
    ld.global.b32 R0, [R2+0x4]
    ld.global.b64 R4, [R2+0x8]
    ld.global.b128 R8, [R2+0x10]
    st.global.b8 [R2], R0
    st.global.b128 [R2+0x10], R8
    ld.shared.b32 R0, [R1+0x40]
    st.shared.b64 [R1], R4
    ld.local.b32 R0, [RZ+0x8]
    st.local.b32 [RZ+0x8], R0
    ld.const.b32 R0, [RZ+0x4]
    ld.generic.b32 R0, [R2-8]
    st.generic.b16 [R2], R0
    cvta.to.generic.shared R4, R1
    cvta.from.generic.local R0, R4
    isspacep.global P0, R2
    exit
.end
