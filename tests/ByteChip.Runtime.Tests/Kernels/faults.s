// One kernel per fault kind; each faults in thread 5 of block 1 where it can choose.
.target n4
.file 0 "faults.cu"
.kernel oob_global
    .param p 8 8 ptr global
    .loc 0 10 3
    s2r R0, %tid.x
    s2r R1, %ctaid.x
    ld.param.b64 R2, [RZ]
    mul.wide.u32 R4, R0, 4
    add.u64 R2, R2, R4
    .loc 0 11 3
    ld.global.b32 R6, [R2]
    exit
.end
.kernel misaligned_global
    .param p 8 8 ptr global
    ld.param.b64 R2, [RZ]
    .loc 0 20 7
    ld.global.b32 R6, [R2+2]
    exit
.end
.kernel oob_shared
    .shared 64
    s2r R0, %tid.x
    shl.b32 R1, R0, 2
    .loc 0 30 1
    st.shared.b32 [R1], R0
    exit
.end
.kernel oob_local
    .local 8
    .loc 0 40 1
    ld.local.b32 R1, [RZ+8]
    exit
.end
.kernel store_const
    mov.b32 R0, 0
    st.global.b32 [RZ], R0
    exit
.end
.kernel illegal
    .loc 0 50 2
    nop
    .word 0x0000000000000000
    exit
.end
.kernel deadlock
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 32
    .loc 0 60 4
    @P0 bar.sync 0
    @!P0 bar.sync 1
    exit
.end
.kernel spin
loop:
    bra loop
.end
.kernel divergent_uniform
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 5
    .loc 0 70 9
    @P0 bra.uni out
    nop
out:
    exit
.end
.kernel trap
    s2r R0, %tid.x
    setp.eq.u32 P0, R0, 5
    .loc 0 80 1
    @P0 trap 42
    exit
.end
.kernel ret_at_depth_zero
    mov.b32 R0, 0
    ret R0
.end
.kernel run_off_end
    nop
.end
.kernel not_converged
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 8
    mov.b32 R1, 0xFFFFFFFF
    @P0 bra skip
    nop
skip:
    @P0 vote.ballot.b32 R2, P0, R1
    exit
.end
.kernel call_ret
    .param p 8 8 ptr global
    s2r R0, %tid.x
    mov.b32 R3, 0
    setp.lt.u32 P0, R0, 3
    @P0 call R10, func
    ld.param.b64 R4, [RZ]
    mul.wide.u32 R6, R0, 4
    add.u64 R4, R4, R6
    st.global.b32 [R4], R3
    exit
func:
    mov.b32 R3, 7
    ret R10
.end
.kernel misaligned_shared
    .shared 64
    ld.shared.b64 R2, [RZ+4]
    exit
.end
.kernel atomic_on_local
    .local 8
    cvta.to.generic.local R2, RZ
    mov.b32 R4, 1
    atom.generic.add.u32 R5, [R2], R4
    exit
.end
.kernel oob_const
    ld.const.b32 R1, [RZ]
    exit
.end
.kernel oob_param
    .param x 4 4
    ld.param.b32 R1, [RZ+4]
    exit
.end
