// 64-bin histogram of (data[i] & 63): per-block bins in shared memory with shared atomics (grid-stride loop,
// divergent trip counts), then one global atomic add per bin and block.
.target n4
.kernel histogram
    .param data 8 8 ptr global
    .param hist 8 8 ptr global
    .param n 4 4
    .shared 256
    s2r R0, %tid.x
    s2r R1, %ctaid.x
    s2r R2, %ntid.x
    setp.lt.u32 P0, R0, 64
    shl.b32 R3, R0, 2
    @P0 st.shared.b32 [R3], RZ
    bar.sync 0
    mad.lo.u32 R4, R1, R2, R0
    s2r R5, %nctaid.x
    mul.lo.u32 R5, R5, R2
    ld.param.b32 R6, [RZ+16]
    ld.param.b64 R8, [RZ]
    mov.b32 R13, 1
loop:
    setp.ge.u32 P1, R4, R6
    @P1 bra flush
    mul.wide.u32 R10, R4, 4
    add.u64 R10, R8, R10
    ld.global.b32 R12, [R10]
    and.b32 R12, R12, 63
    shl.b32 R12, R12, 2
    atom.shared.add.u32 R14, [R12], R13
    add.u32 R4, R4, R5
    bra loop
flush:
    bar.sync 0
    @!P0 exit
    ld.shared.b32 R15, [R3]
    ld.param.b64 R16, [RZ+8]
    mul.wide.u32 R18, R0, 4
    add.u64 R16, R16, R18
    atom.global.add.u32 R20, [R16], R15
    exit
.end
