// c[i] = a[i] + b[i] for i < n (f32)
.target n4
.file 0 "vector_add.cu"
.kernel vector_add
    .param a 8 8 ptr global
    .param b 8 8 ptr global
    .param c 8 8 ptr global
    .param n 4 4
    .loc 0 3 5
    s2r R0, %ctaid.x
    s2r R1, %ntid.x
    s2r R2, %tid.x
    mad.lo.u32 R3, R0, R1, R2          // i
    ld.param.b32 R4, [RZ+24]
    setp.ge.u32 P0, R3, R4
    @P0 exit
    ld.param.b64 R6, [RZ]
    ld.param.b64 R8, [RZ+8]
    ld.param.b64 R10, [RZ+16]
    mul.wide.u32 R12, R3, 4
    .loc 0 4 5
    add.u64 R14, R6, R12
    ld.global.b32 R16, [R14]
    add.u64 R14, R8, R12
    ld.global.b32 R17, [R14]
    add.f32 R18, R16, R17
    add.u64 R14, R10, R12
    st.global.b32 [R14], R18
    exit
.end
