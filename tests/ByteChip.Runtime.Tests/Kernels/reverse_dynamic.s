// Reverses each block's slice of data[] through dynamic shared memory, reached by a generic pointer.
// 4 static shared bytes put the dynamic part at offset 16 (= %smemsize - %dynsmem).
.target n4
.kernel reverse_dynamic
    .param data 8 8 ptr global
    .shared 4
    .dynshared
    s2r R0, %tid.x
    s2r R1, %ctaid.x
    s2r R2, %ntid.x
    mad.lo.u32 R3, R1, R2, R0
    mul.wide.u32 R4, R3, 4
    ld.param.b64 R6, [RZ]
    add.u64 R6, R6, R4
    ld.global.b32 R8, [R6]
    s2r R9, %smemsize
    s2r R10, %dynsmem
    sub.u32 R9, R9, R10
    shl.b32 R11, R0, 2
    add.u32 R11, R11, R9
    cvta.to.generic.shared R12, R11
    st.generic.b32 [R12], R8
    bar.sync 0
    sub.u32 R14, R2, R0
    sub.u32 R14, R14, 1
    shl.b32 R14, R14, 2
    add.u32 R14, R14, R9
    ld.shared.b32 R15, [R14]
    st.global.b32 [R6], R15
    exit
.end
