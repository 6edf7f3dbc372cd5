// One m16n8k16 matrix multiply per warp (the tests derive the f16 variant by replacing '.bf16'): fragments a (4 words), b (2 words), c (4 f32) per lane; d (4 f32) out.
.target n4
.kernel mma_bf16
    .param a 8 8 ptr global
    .param b 8 8 ptr global
    .param c 8 8 ptr global
    .param d 8 8 ptr global
    s2r R0, %laneid
    mul.wide.u32 R2, R0, 16
    ld.param.b64 R20, [RZ]
    add.u64 R20, R20, R2
    ld.global.b128 R8, [R20]
    ld.param.b64 R20, [RZ+16]
    add.u64 R20, R20, R2
    ld.global.b128 R12, [R20]
    mul.wide.u32 R4, R0, 8
    ld.param.b64 R20, [RZ+8]
    add.u64 R20, R20, R4
    ld.global.b64 R22, [R20]
    mma.m16n8k16.f32.bf16 R16, R8, R22, R12
    ld.param.b64 R20, [RZ+24]
    add.u64 R20, R20, R2
    st.global.b128 [R20], R16
    exit
.end
