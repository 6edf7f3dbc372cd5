// Every load width from global (and global through generic), stored back as words: out[16*i ..].
.target n4
.const table 32 8 = 01 02 03 04 05 06 07 08 f1 f2 f3 f4 f5 f6 f7 f8 11 12 13 14 15 16 17 18 91 92 93 94 95 96 97 98
.kernel mem_global
    .param in 8 8 ptr global
    .param out 8 8 ptr global
    s2r R0, %tid.x
    ld.param.b64 R2, [RZ]
    ld.param.b64 R4, [RZ+8]
    mul.wide.u32 R6, R0, 1
    add.u64 R8, R2, R6
    ld.global.u8 R16, [R8]
    ld.global.s8 R17, [R8+1]
    mul.wide.u32 R6, R0, 2
    add.u64 R8, R2, R6
    ld.global.u16 R18, [R8]
    ld.global.s16 R19, [R8+2]
    mul.wide.u32 R6, R0, 4
    add.u64 R8, R2, R6
    ld.global.b32 R20, [R8]
    ld.generic.u8 R21, [R8+3]
    mul.wide.u32 R6, R0, 8
    add.u64 R8, R2, R6
    ld.global.b64 R22, [R8]
    mul.wide.u32 R6, R0, 16
    add.u64 R8, R2, R6
    ld.generic.b128 R24, [R8]
    mul.wide.u32 R6, R0, 64
    add.u64 R8, R4, R6
    st.global.b128 [R8], R16
    st.global.b128 [R8+16], R20
    st.generic.b128 [R8+32], R24
    st.global.b8 [R8+48], R0
    st.global.b16 [R8+50], R0
    st.generic.b64 [R8+56], R16
    exit
.end
// Shared, local, constant and parameter spaces with every width; lane i reads lane (i ^ 1)'s shared record.
.kernel mem_spaces
    .param in 8 8 ptr global
    .param out 8 8 ptr global
    .param small 2 2
    .param tiny 1 1
    .shared 512
    .local 16
    s2r R0, %tid.x
    ld.param.b64 R2, [RZ]
    mul.wide.u32 R6, R0, 8
    add.u64 R8, R2, R6
    ld.global.b64 R10, [R8]
    shl.b32 R1, R0, 4
    st.shared.b64 [R1+8], R10
    st.shared.b32 [R1], R10
    st.shared.b8 [R1+4], R11
    st.shared.b16 [R1+6], R11
    bar.sync 0
    xor.b32 R3, R0, 1
    shl.b32 R3, R3, 4
    ld.shared.b128 R16, [R3]
    ld.shared.s8 R20, [R3+4]
    ld.shared.u16 R21, [R3+6]
    ld.shared.s16 R22, [R3+6]
    ld.shared.b64 R24, [R3+8]
    st.local.b64 [RZ+8], R10
    st.local.b8 [RZ+1], R11
    st.local.b16 [RZ+2], R10
    ld.local.b32 R26, [RZ+12]
    ld.local.u8 R27, [RZ+1]
    ld.local.b64 R28, [RZ]
    cvta.to.generic.local R12, RZ
    ld.generic.b32 R30, [R12+8]
    and.b32 R4, R0, 3
    shl.b32 R4, R4, 3
    ld.const.b64 R32, [R4]
    ld.const.s8 R34, [R4+7]
    ld.const.u16 R35, [R4+6]
    ld.param.s16 R36, [RZ+16]
    ld.param.u8 R37, [RZ+18]
    ld.param.s8 R38, [RZ+18]
    ld.param.b128 R40, [RZ]
    mov.b32 R23, 0
    mov.b32 R31, 0
    mov.b32 R39, 0
    ld.param.b64 R4, [RZ+8]
    mul.wide.u32 R6, R0, 128
    add.u64 R8, R4, R6
    st.global.b128 [R8], R16
    st.global.b128 [R8+16], R20
    st.global.b128 [R8+32], R24
    st.global.b128 [R8+48], R28
    st.global.b128 [R8+64], R32
    st.global.b128 [R8+80], R36
    st.global.b128 [R8+96], R40
    exit
.end
// Address-space conversions and queries.
.kernel spaces_query
    .param out 8 8 ptr global
    .shared 64
    s2r R0, %tid.x
    shl.b32 R1, R0, 2
    cvta.to.generic.shared R2, R1
    cvta.from.generic.shared R4, R2
    cvta.to.generic.local R6, R1
    cvta.from.generic.local R5, R6
    isspacep.shared P0, R2
    isspacep.local P1, R6
    isspacep.global P2, R2
    ld.param.b64 R8, [RZ]
    isspacep.global P3, R8
    mov.b32 R10, 1
    mov.b32 R11, 0
    selp.b32 R12, R10, R11, P0
    selp.b32 R13, R10, R11, P1
    selp.b32 R14, R10, R11, P2
    selp.b32 R15, R10, R11, P3
    mul.wide.u32 R16, R0, 32
    add.u64 R8, R8, R16
    st.global.b64 [R8], R2
    st.global.b32 [R8+8], R4
    st.global.b32 [R8+12], R5
    st.global.b128 [R8+16], R12
    exit
.end
