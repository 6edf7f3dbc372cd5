// Barrier reductions over a block with a partial last warp and threads that exit first;
// 3-D block and grid indices.
.target n4
.kernel barrier_reductions
    .param flags 8 8 ptr global
    .param out 8 8 ptr global
    s2r R0, %tid.x
    mul.wide.u32 R2, R0, 4
    ld.param.b64 R4, [RZ]
    add.u64 R4, R4, R2
    ld.global.b32 R6, [R4]
    setp.eq.u32 P5, R6, 2
    @P5 exit
    setp.ne.u32 P0, R6, 0
    bar.red.popc.u32 R7, P0
    bar.red.and P1, P0
    bar.red.or P2, P0
    mov.b32 R8, 1
    mov.b32 R9, 0
    selp.b32 R10, R8, R9, P1
    selp.b32 R11, R8, R9, P2
    mul.wide.u32 R2, R0, 16
    ld.param.b64 R4, [RZ+8]
    add.u64 R4, R4, R2
    st.global.b32 [R4], R7
    st.global.b32 [R4+4], R10
    st.global.b32 [R4+8], R11
    exit
.end
.kernel indices
    .param out 8 8 ptr global
    s2r R0, %tid.x
    s2r R1, %tid.y
    s2r R2, %tid.z
    s2r R3, %ctaid.x
    s2r R4, %ctaid.y
    s2r R5, %ctaid.z
    s2r R6, %ntid.x
    s2r R7, %ntid.y
    s2r R8, %nctaid.x
    s2r R9, %nctaid.y
    // linear block = (z * nctaid.y + y) * nctaid.x + x; linear thread likewise
    mad.lo.u32 R10, R5, R9, R4
    mad.lo.u32 R10, R10, R8, R3
    mad.lo.u32 R11, R2, R7, R1
    mad.lo.u32 R11, R11, R6, R0
    s2r R12, %ntid.z
    mul.lo.u32 R13, R6, R7
    mul.lo.u32 R13, R13, R12
    mad.lo.u32 R14, R10, R13, R11
    mul.wide.u32 R16, R14, 32
    ld.param.b64 R18, [RZ]
    add.u64 R18, R18, R16
    st.global.b128 [R18], R0
    st.global.b128 [R18+16], R4
    exit
.end
.kernel warpsync_ok
    .param out 8 8 ptr global
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 16
    @!P0 bra upper
    mov.b32 R1, 0xFFFF
    warpsync R1
    bra join
upper:
    mov.b32 R1, 0xFFFF0000
    warpsync R1
join:
    mov.b32 R2, 0xFFFFFFFF
    warpsync R2
    activemask R3
    mul.wide.u32 R4, R0, 4
    ld.param.b64 R6, [RZ]
    add.u64 R6, R6, R4
    st.global.b32 [R6], R3
    exit
.end
.kernel warpsync_bad
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 16
    mov.b32 R1, 0xFFFFFFFF
    @P0 warpsync R1
    exit
.end
