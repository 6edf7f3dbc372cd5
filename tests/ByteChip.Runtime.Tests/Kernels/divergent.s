// Divergent loop with an early exit, a break and nested ifs:
//   if (x & 128) return;  acc = 0;
//   for (k = 0; k < (x & 31); k++) {
//     if (k & 1) { if (k % 3 == 0) acc += 2*k; else acc ^= k; } else acc += 1;
//     if (acc > 40) break;
//   }
//   out[i] = acc;
.target n4
.file 0 "divergent.cu"
.kernel divergent
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
    and.b32 R9, R8, 128
    setp.ne.u32 P0, R9, 0
    @P0 exit
    and.b32 R10, R8, 31
    mov.b32 R11, 0
    mov.b32 R12, 0
    mov.b32 R15, 3
loop:
    setp.ge.u32 P1, R12, R10
    @P1 bra store
    and.b32 R13, R12, 1
    setp.eq.u32 P2, R13, 0
    @P2 bra even
    rem.u32 R14, R12, R15
    setp.eq.u32 P3, R14, 0
    @!P3 bra notmul3
    shl.b32 R16, R12, 1
    add.u32 R11, R11, R16
    bra endif
notmul3:
    xor.b32 R11, R11, R12
    bra endif
even:
    add.u32 R11, R11, 1
endif:
    setp.gt.u32 P4, R11, 40
    @P4 bra store
    add.u32 R12, R12, 1
    bra loop
store:
    ld.param.b64 R18, [RZ+8]
    add.u64 R18, R18, R4
    st.global.b32 [R18], R11
    exit
.end
