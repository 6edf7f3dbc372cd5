// Block reduction: out[block] = sum of in[block*ntid .. +ntid) (f32, tree order), shared memory + barriers.
.target n4
.file 0 "block_sum.cu"
.kernel block_sum
    .param in 8 8 ptr global
    .param out 8 8 ptr global
    .param n 4 4
    .shared 1024
    .loc 0 5 1
    s2r R0, %tid.x
    s2r R1, %ctaid.x
    s2r R2, %ntid.x
    mad.lo.u32 R3, R1, R2, R0
    ld.param.b32 R4, [RZ+16]
    mov.b32 R5, 0
    setp.ge.u32 P0, R3, R4
    ld.param.b64 R6, [RZ]
    mul.wide.u32 R8, R3, 4
    add.u64 R8, R6, R8
    @!P0 ld.global.b32 R5, [R8]
    shl.b32 R10, R0, 2
    st.shared.b32 [R10], R5
    bar.sync 0
    shr.u32 R11, R2, 1
loop:
    setp.eq.u32 P1, R11, 0
    @P1 bra.uni done
    setp.lt.u32 P2, R0, R11
    @!P2 bra skip
    shl.b32 R12, R11, 2
    add.u32 R12, R10, R12
    ld.shared.b32 R13, [R12]
    ld.shared.b32 R14, [R10]
    add.f32 R14, R14, R13
    st.shared.b32 [R10], R14
skip:
    bar.sync 0
    shr.u32 R11, R11, 1
    bra.uni loop
done:
    setp.ne.u32 P3, R0, 0
    @P3 exit
    ld.shared.b32 R15, [RZ]
    ld.param.b64 R16, [RZ+8]
    mul.wide.u32 R18, R1, 4
    add.u64 R16, R16, R18
    st.global.b32 [R16], R15
    exit
.end
