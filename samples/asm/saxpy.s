// saxpy: y[i] = a * x[i] + y[i] for i < n, written by hand in ByteChip assembly.
// Assemble:    bcas samples/asm/saxpy.s -o saxpy.bcbin
// Disassemble: bcobjdump -d saxpy.bcbin
.target n4
.file 0 "saxpy.cu"

.kernel saxpy
    .param a 4 4
    .param x 8 8 ptr global
    .param y 8 8 ptr global
    .param n 4 4
    .loc 0 3 17
    s2r R0, %ctaid.x
    s2r R1, %ntid.x
    s2r R2, %tid.x
    mad.lo.u32 R0, R0, R1, R2            // i = blockIdx.x * blockDim.x + threadIdx.x
    ld.param.b32 R3, [RZ+0x18]           // n
    setp.ge.s32 P0, R0, R3
    @P0 exit
    .loc 0 4 9
    ld.param.b64 R4, [RZ+0x8]            // x
    ld.param.b64 R6, [RZ+0x10]           // y
    mul.wide.s32 R8, R0, 4
    add.u64 R4, R4, R8
    add.u64 R6, R6, R8
    ld.global.b32 R10, [R4]
    ld.global.b32 R11, [R6]
    ld.param.b32 R12, [RZ]               // a
    fma.f32 R11, R12, R10, R11
    st.global.b32 [R6], R11
    exit
.end
