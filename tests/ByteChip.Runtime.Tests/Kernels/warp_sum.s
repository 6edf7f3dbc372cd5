// Warp-shuffle reduction: out[global warp] = sum of the warp's 32 in[] values (u32, shfl.down tree).
.target n4
.kernel warp_sum
    .param in 8 8 ptr global
    .param out 8 8 ptr global
    s2r R0, %tid.x
    s2r R1, %ctaid.x
    s2r R2, %ntid.x
    mad.lo.u32 R3, R1, R2, R0
    mul.wide.u32 R4, R3, 4
    ld.param.b64 R6, [RZ]
    add.u64 R6, R6, R4
    ld.global.b32 R8, [R6]
    activemask R9
    mov.b32 R10, 31
    mov.b32 R11, 16
    shfl.down.b32 R12, R8, R11, R10, R9
    add.u32 R8, R8, R12
    mov.b32 R11, 8
    shfl.down.b32 R12, R8, R11, R10, R9
    add.u32 R8, R8, R12
    mov.b32 R11, 4
    shfl.down.b32 R12, R8, R11, R10, R9
    add.u32 R8, R8, R12
    mov.b32 R11, 2
    shfl.down.b32 R12, R8, R11, R10, R9
    add.u32 R8, R8, R12
    mov.b32 R11, 1
    shfl.down.b32 R12, R8, R11, R10, R9
    add.u32 R8, R8, R12
    s2r R13, %laneid
    setp.ne.u32 P0, R13, 0
    @P0 exit
    shr.u32 R14, R3, 5
    mul.wide.u32 R16, R14, 4
    ld.param.b64 R18, [RZ+8]
    add.u64 R18, R18, R16
    st.global.b32 [R18], R8
    exit
.end
