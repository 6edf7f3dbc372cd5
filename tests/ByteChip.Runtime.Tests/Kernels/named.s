// Kernel names as the source writes them: a template instance with a mangled symbol, and an extern "C" one.
.target n4
.kernel "fill<7>" mangled _Z4fillILi7EEvPj
    .param p 8 8 ptr global
    s2r R0, %tid.x
    mul.wide.u32 R2, R0, 4
    ld.param.b64 R4, [RZ]
    add.u64 R4, R4, R2
    ld.global.b32 R6, [R4]
    add.u32 R6, R6, 7
    st.global.b32 [R4], R6
    exit
.end
.kernel plain
    .param p 8 8 ptr global
    s2r R0, %tid.x
    mul.wide.u32 R2, R0, 4
    ld.param.b64 R4, [RZ]
    add.u64 R4, R4, R2
    ld.global.b32 R6, [R4]
    add.u32 R6, R6, 100
    st.global.b32 [R4], R6
    exit
.end
