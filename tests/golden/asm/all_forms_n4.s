// Every instruction form the n4 target has, assembled, disassembled and compared with the whole expected
// listing (addresses, encodings, labels); the listing re-assembles to the same bytes (second RUN line, whose expectation must equal the first).
// Regenerate the forms with the ISA table if the spec changes; bless the expectation with BYTECHIP_BLESS=1.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d | bcas - | bcobjdump -d | precise roundtrip
.target n4
.kernel all_forms
top:
    @!P0 nop
    exit
    @P2 bra top
    @!P3 bra.uni top
    @P4 call R10, top
    @P5 ret R18
    @!P6 trap 0xeae
    bar.sync 0xfe5
    @P0 bar.red.popc.u32 R58, P0
    @!P1 bar.red.and P5, P6
    @P2 bar.red.or P5, P2
    @P3 membar.sys
    @!P4 warpsync R12
    @P5 mov.b32 R26, R32
    @P6 mov.b32 R8, 0x4f4
    @!PT mov.b64 R32, R6
    @P0 s2r R33, %clock
    @P1 selp.b32 R0, R57, R25, P6
    @!P2 selp.b64 R16, R38, R52, P0
    @P3 activemask R9
    @P4 pack.b64 R46, R9, R7
    @!P5 unpack.lo.b32 R0, R50
    @P6 unpack.hi.b32 R5, R36
    add.u32 R17, R6, R19
    @!P0 sub.u32 R20, R54, R37
    @P1 mul.lo.u32 R18, R34, R5
    @P2 mulhi.u32 R62, R40, R12
    @!P3 mulhi.s32 R4, R63, R50
    @P4 mad.lo.u32 R53, R1, R15, R55
    @P5 min.s32 R16, R56, R7
    @!P6 min.u32 R46, R19, R16
    max.s32 R41, R44, R56
    @P0 max.u32 R14, R50, R12
    @!P1 and.b32 R40, R27, R35
    @P2 or.b32 R2, R26, R52
    @P3 xor.b32 R12, R59, R27
    @!P4 shl.b32 R39, R54, R46
    @P5 shr.u32 R18, R63, R39
    @P6 shr.s32 R60, R10, R60
    @!PT div.u32 R19, R5, R48
    @P0 div.s32 R58, R52, R43
    @P1 rem.u32 R9, R23, R63
    @!P2 rem.s32 R4, R12, R56
    @P3 not.b32 R25, R20
    @P4 neg.s32 R18, R49
    @!P5 abs.s32 R63, R49
    @P6 popc.b32 R32, R60
    clz.b32 R24, R1
    @!P0 brev.b32 R53, R19
    @P1 bfe.u32 R27, R41, R2, R24
    @P2 bfe.s32 R28, R19, R40, R45
    @!P3 bfi.b32 R34, R60, R58, R45, R27
    @P4 add.u32 R45, R38, 0xe18
    @P5 sub.u32 R56, R3, 0xd0e
    @!P6 mul.lo.u32 R8, R46, 0x89f
    min.s32 R13, R33, 0x6ce
    @P0 min.u32 R32, R63, 0xda7
    @!P1 max.s32 R27, R13, 0x92a
    @P2 max.u32 R17, R15, 0x751
    @P3 and.b32 R31, R10, 0xa4b
    @!P4 or.b32 R49, R58, 0xafd
    @P5 xor.b32 R27, R31, 0x581
    @P6 shl.b32 R29, R25, 0x965
    @!PT shr.u32 R22, R18, 0x28b
    @P0 shr.s32 R40, R4, 0x541
    @P1 add.u64 R12, R44, R36
    @!P2 sub.u64 R56, R26, R32
    @P3 mul.lo.u64 R60, R58, R20
    @P4 mulhi.u64 R50, R18, R20
    @!P5 mulhi.s64 R22, R40, R28
    @P6 mad.lo.u64 R62, R12, R28, R14
    min.s64 R6, R8, R8
    @!P0 min.u64 R44, R14, R12
    @P1 max.s64 R46, R8, R52
    @P2 max.u64 R10, R44, R44
    @!P3 and.b64 R50, R8, R14
    @P4 or.b64 R4, R34, R56
    @P5 xor.b64 R36, R46, R8
    @!P6 shl.b64 R50, R62, R23
    shr.u64 R40, R12, R0
    @P0 shr.s64 R6, R48, R8
    @!P1 div.u64 R22, R4, R46
    @P2 div.s64 R24, R60, R12
    @P3 rem.u64 R4, R0, R20
    @!P4 rem.s64 R44, R42, R24
    @P5 not.b64 R8, R48
    @P6 neg.s64 R38, R4
    @!PT abs.s64 R32, R12
    @P0 popc.b64 R7, R36
    @P1 clz.b64 R58, R4
    @!P2 brev.b64 R40, R44
    @P3 mul.wide.u32 R6, R20, R9
    @P4 mul.wide.s32 R48, R2, R3
    @!P5 mad.wide.u32 R12, R41, R23, R44
    @P6 mad.wide.s32 R50, R39, R62, R24
    add.u64 R12, R2, 0xfe9
    @!P0 shl.b64 R32, R36, 0xe3d
    @P1 shr.u64 R2, R48, 0xac9
    @P2 shr.s64 R12, R46, 0x8f5
    @!P3 mul.wide.u32 R44, R51, 0xfa2
    @P4 mul.wide.s32 R12, R13, 0x47a
    @P5 and.b64 R28, R0, 0x4c3
    @!P6 mov.b64 R38, 0xce
    setp.le.s32 P2, R61, R17
    @P0 setp.ge.u32 P0, R0, R26
    @!P1 setp.eq.s64 P0, R6, R6
    @P2 setp.le.u64 P0, R36, R24
    @P3 setp.leu.f32 P5, R41, R21
    @!P4 setp.ge.f64 PT, R0, R30
    @P5 setp.lt.s32 P3, R43, 0x2a9
    @P6 setp.eq.u32 P4, R11, 0xf49
    @!PT setp.le.s64 P4, R62, 0xadf
    @P0 setp.gt.u64 P2, R24, 0x39
    @P1 setp.equ.f32 P2, R15, 24.24
    @!P2 and.pred P4, P6, PT
    @P3 or.pred P5, P6, P6
    @P4 xor.pred P5, P2, PT
    @!P5 not.pred PT, P0
    @P6 mov.pred P2, P3
    add.f32 R57, R8, R23
    @!P0 sub.f32 R54, R59, R28
    @P1 mul.f32 R52, R10, R0
    @P2 fma.f32 R27, R4, R57, R53
    @!P3 div.f32 R14, R23, R40
    @P4 min.f32 R37, R25, R43
    @P5 max.f32 R17, R2, R50
    @!P6 abs.f32 R36, R49
    neg.f32 R34, R42
    @P0 sqrt.f32 R48, R29
    @!P1 rcp.approx.f32 R37, R8
    @P2 rsqrt.approx.f32 R38, R56
    @P3 ex2.approx.f32 R24, R4
    @!P4 lg2.approx.f32 R25, R15
    @P5 sin.approx.f32 R41, R57
    @P6 cos.approx.f32 R21, R51
    @!PT rndi.rmi.f32 R58, R18
    @P0 add.f32 R24, R52, 23.43
    @P1 mul.f32 R63, R33, -15.09
    @!P2 fma.f32 R46, R24, 8.37
    @P3 ex2.approx.ftz.f32 R27, R1
    @P4 add.f64 R28, R6, R36
    @!P5 sub.f64 R36, R18, R16
    @P6 mul.f64 R42, R22, R36
    fma.f64 R56, R52, R12, R32
    @!P0 div.f64 R48, R52, R6
    @P1 min.f64 R62, R42, R2
    @P2 max.f64 R56, R22, R48
    @!P3 abs.f64 R12, R10
    @P4 neg.f64 R60, R50
    @P5 sqrt.f64 R42, R14
    @!P6 rcp.approx.f64 R6, R54
    rndi.rzi.f64 R48, R0
    @P0 cvt.u8.s8 R23, R40
    @!P1 cvt.u8.u16 R17, R43
    @P2 cvt.u8.s16 R4, R38
    @P3 cvt.u8.u32 R5, R7
    @!P4 cvt.u8.s32 R35, R45
    @P5 cvt.u8.u64 R44, R34
    @P6 cvt.u8.s64 R39, R14
    @!PT cvt.s8.u8 R15, R43
    @P0 cvt.s8.u16 R14, R47
    @P1 cvt.s8.s16 R44, R33
    @!P2 cvt.s8.u32 R35, R42
    @P3 cvt.s8.s32 R43, R58
    @P4 cvt.s8.u64 R24, R40
    @!P5 cvt.s8.s64 R31, R36
    @P6 cvt.u16.u8 R28, R15
    cvt.u16.s8 R44, R7
    @!P0 cvt.u16.s16 R51, R48
    @P1 cvt.u16.u32 R8, R7
    @P2 cvt.u16.s32 R36, R27
    @!P3 cvt.u16.u64 R58, R4
    @P4 cvt.u16.s64 R62, R48
    @P5 cvt.s16.u8 R51, R2
    @!P6 cvt.s16.s8 R33, R40
    cvt.s16.u16 R20, R37
    @P0 cvt.s16.u32 R27, R35
    @!P1 cvt.s16.s32 R56, R8
    @P2 cvt.s16.u64 R3, R30
    @P3 cvt.s16.s64 R56, R44
    @!P4 cvt.u32.u8 R61, R23
    @P5 cvt.u32.s8 R19, R26
    @P6 cvt.u32.u16 R6, R32
    @!PT cvt.u32.s16 R42, R20
    @P0 cvt.u32.s32 R0, R36
    @P1 cvt.u32.u64 R48, R54
    @!P2 cvt.u32.s64 R5, R8
    @P3 cvt.s32.u8 R7, R51
    @P4 cvt.s32.s8 R52, R39
    @!P5 cvt.s32.u16 R35, R50
    @P6 cvt.s32.s16 R54, R41
    cvt.s32.u32 R24, R48
    @!P0 cvt.s32.u64 R20, R58
    @P1 cvt.s32.s64 R8, R56
    @P2 cvt.u64.u8 R22, R36
    @!P3 cvt.u64.s8 R4, R20
    @P4 cvt.u64.u16 R54, R27
    @P5 cvt.u64.s16 R10, R13
    @!P6 cvt.u64.u32 R8, R31
    cvt.u64.s32 R62, R29
    @P0 cvt.u64.s64 R6, R30
    @!P1 cvt.s64.u8 R0, R60
    @P2 cvt.s64.s8 R54, R29
    @P3 cvt.s64.u16 R30, R19
    @!P4 cvt.s64.s16 R28, R5
    @P5 cvt.s64.u32 R20, R27
    @P6 cvt.s64.s32 R60, R6
    @!PT cvt.s64.u64 R54, R18
    @P0 cvt.rn.f16.s32 R62, R35
    @P1 cvt.rp.f16.u32 R11, R23
    @!P2 cvt.rm.f16.s64 R61, R28
    @P3 cvt.rm.f16.u64 R28, R62
    @P4 cvt.rm.bf16.s32 R62, R58
    @!P5 cvt.rn.bf16.u32 R20, R41
    @P6 cvt.rm.bf16.s64 R43, R24
    cvt.rp.bf16.u64 R28, R56
    @!P0 cvt.rz.f32.s32 R27, R53
    @P1 cvt.rm.f32.u32 R17, R16
    @P2 cvt.rm.f32.s64 R23, R48
    @!P3 cvt.rm.f32.u64 R54, R14
    @P4 cvt.rn.f64.s32 R24, R50
    @P5 cvt.rm.f64.u32 R20, R32
    @!P6 cvt.rz.f64.s64 R28, R26
    cvt.rm.f64.u64 R52, R20
    @P0 cvt.rpi.s32.f16 R27, R63
    @!P1 cvt.rzi.s32.bf16 R54, R26
    @P2 cvt.rmi.s32.f32 R44, R33
    @P3 cvt.rmi.s32.f64 R15, R46
    @!P4 cvt.rni.u32.f16 R21, R44
    @P5 cvt.rni.u32.bf16 R56, R4
    @P6 cvt.rmi.u32.f32 R6, R7
    @!PT cvt.rpi.u32.f64 R5, R58
    @P0 cvt.rpi.s64.f16 R62, R23
    @P1 cvt.rzi.s64.bf16 R2, R63
    @!P2 cvt.rmi.s64.f32 R24, R38
    @P3 cvt.rzi.s64.f64 R58, R54
    @P4 cvt.rzi.u64.f16 R52, R33
    @!P5 cvt.rmi.u64.bf16 R6, R9
    @P6 cvt.rni.u64.f32 R58, R10
    cvt.rpi.u64.f64 R36, R62
    @!P0 cvt.rz.f32.f16 R25, R36
    @P1 cvt.rn.f32.bf16 R15, R46
    @P2 cvt.rn.f64.f16 R54, R21
    @!P3 cvt.rn.f64.bf16 R60, R55
    @P4 cvt.rm.f64.f32 R38, R42
    @P5 cvt.rn.f16.f32 R14, R53
    @!P6 cvt.rp.bf16.f32 R1, R27
    cvt.rm.f16.f64 R59, R2
    @P0 cvt.rp.bf16.f64 R55, R62
    @!P1 cvt.rp.f32.f64 R61, R10
    @P2 cvt.rz.f16.bf16 R51, R26
    @P3 cvt.rz.bf16.f16 R3, R40
    @!P4 ld.global.u8 R5, [R8+0x708]
    @P5 ld.global.s8 R18, [R2+0x408]
    @P6 ld.global.u16 R11, [R56+0x530]
    @!PT ld.global.s16 R19, [R30+0x3e8]
    @P0 ld.global.b32 R10, [R44+0x2a0]
    @P1 ld.global.b64 R58, [R34+0x460]
    @!P2 ld.global.b128 R60, [R30+0x430]
    @P3 ld.generic.u8 R52, [R24+0x5d0]
    @P4 ld.generic.s8 R15, [R56+0x148]
    @!P5 ld.generic.u16 R21, [R8+0x398]
    @P6 ld.generic.s16 R41, [R34+0x38]
    ld.generic.b32 R6, [R8+0x578]
    @!P0 ld.generic.b64 R16, [R46+0x2f8]
    @P1 ld.generic.b128 R20, [R46+0x138]
    @P2 ld.shared.u8 R57, [R35+0x410]
    @!P3 ld.shared.s8 R30, [R50+0x3d8]
    @P4 ld.shared.u16 R27, [R56+0x700]
    @P5 ld.shared.s16 R54, [R6+0x140]
    @!P6 ld.shared.b32 R57, [R16+0x620]
    ld.shared.b64 R8, [R3+0x138]
    @P0 ld.shared.b128 R20, [R54+0x5e8]
    @!P1 ld.local.u8 R12, [R42+0x788]
    @P2 ld.local.s8 R29, [R4+0x470]
    @P3 ld.local.u16 R41, [R41+0x668]
    @!P4 ld.local.s16 R11, [R38+0x5d0]
    @P5 ld.local.b32 R23, [R59+0x690]
    @P6 ld.local.b64 R14, [R48+0xd0]
    @!PT ld.local.b128 R40, [R58+0x210]
    @P0 ld.const.u8 R36, [R51+0x388]
    @P1 ld.const.s8 R55, [R13+0x6f0]
    @!P2 ld.const.u16 R58, [R7+0x578]
    @P3 ld.const.s16 R13, [R0+0x720]
    @P4 ld.const.b32 R26, [R44+0x728]
    @!P5 ld.const.b64 R36, [R1+0x5d0]
    @P6 ld.const.b128 R56, [R49+0x1e8]
    ld.param.u8 R4, [R43+0x3f0]
    @!P0 ld.param.s8 R27, [R33+0x2b8]
    @P1 ld.param.u16 R60, [R59+0x258]
    @P2 ld.param.s16 R3, [R42+0x788]
    @!P3 ld.param.b32 R30, [R40+0x6e0]
    @P4 ld.param.b64 R30, [R37+0x6e0]
    @P5 ld.param.b128 R40, [R46+0x448]
    @!P6 st.global.b8 [R6+0x7a8], R38
    st.global.b16 [R52+0x7b0], R14
    @P0 st.global.b32 [R58+0x530], R47
    @!P1 st.global.b64 [R24+0x600], R8
    @P2 st.global.b128 [R0+0x3f8], R8
    @P3 st.generic.b8 [R60+0x380], R43
    @!P4 st.generic.b16 [R32+0x7c0], R11
    @P5 st.generic.b32 [R24+0x148], R21
    @P6 st.generic.b64 [R60+0x770], R4
    @!PT st.generic.b128 [R2+0x88], R24
    @P0 st.shared.b8 [R55+0x1e8], R3
    @P1 st.shared.b16 [R44+0x7a0], R45
    @!P2 st.shared.b32 [R56+0x4c0], R36
    @P3 st.shared.b64 [R7+0x28], R16
    @P4 st.shared.b128 [R35+0x568], R56
    @!P5 st.local.b8 [R52+0x3b0], R8
    @P6 st.local.b16 [R47+0x460], R9
    st.local.b32 [R11+0x140], R48
    @!P0 st.local.b64 [R22+0x5d0], R50
    @P1 st.local.b128 [R17+0x710], R0
    @P2 cvta.to.generic.shared R8, R57
    @!P3 cvta.to.generic.local R36, R19
    @P4 cvta.from.generic.shared R32, R32
    @P5 cvta.from.generic.local R5, R20
    @!P6 isspacep.shared P4, R26
    isspacep.local P0, R54
    @P0 isspacep.global P0, R26
    @!P1 atom.global.add.u32 R60, [R56], R53
    @P2 atom.global.add.u64 R30, [R26], R8
    @P3 atom.global.add.f32 R29, [R60], R19
    @!P4 atom.global.add.f64 R32, [R18], R42
    @P5 atom.global.min.s32 R5, [R18], R22
    @P6 atom.global.min.u32 R14, [R58], R39
    @!PT atom.global.min.s64 R44, [R34], R60
    @P0 atom.global.min.u64 R8, [R44], R16
    @P1 atom.global.max.s32 R10, [R24], R46
    @!P2 atom.global.max.u32 R9, [R36], R20
    @P3 atom.global.max.s64 R30, [R18], R4
    @P4 atom.global.max.u64 R46, [R50], R28
    @!P5 atom.global.and.b32 R57, [R18], R54
    @P6 atom.global.and.b64 R46, [R36], R12
    atom.global.or.b32 R37, [R2], R0
    @!P0 atom.global.or.b64 R52, [R26], R50
    @P1 atom.global.xor.b32 R62, [R18], R31
    @P2 atom.global.xor.b64 R26, [R8], R36
    @!P3 atom.global.exch.b32 R29, [R52], R13
    @P4 atom.global.exch.b64 R36, [R20], R0
    @P5 atom.global.cas.b32 R25, [R20], R22, R62
    @!P6 atom.global.cas.b64 R0, [R62], R38, R20
    atom.global.inc.u32 R31, [R56], R21
    @P0 atom.global.dec.u32 R38, [R48], R61
    @!P1 atom.shared.add.u32 R62, [R47], R34
    @P2 atom.shared.add.u64 R40, [R15], R20
    @P3 atom.shared.add.f32 R62, [R60], R11
    @!P4 atom.shared.add.f64 R16, [R52], R2
    @P5 atom.shared.min.s32 R11, [R32], R18
    @P6 atom.shared.min.u32 R63, [R15], R20
    @!PT atom.shared.min.s64 R62, [R53], R20
    @P0 atom.shared.min.u64 R14, [R54], R38
    @P1 atom.shared.max.s32 R1, [R1], R14
    @!P2 atom.shared.max.u32 R5, [R19], R4
    @P3 atom.shared.max.s64 R62, [R57], R42
    @P4 atom.shared.max.u64 R10, [R38], R44
    @!P5 atom.shared.and.b32 R18, [R36], R20
    @P6 atom.shared.and.b64 R62, [R2], R28
    atom.shared.or.b32 R9, [R5], R10
    @!P0 atom.shared.or.b64 R62, [R51], R4
    @P1 atom.shared.xor.b32 R3, [R32], R41
    @P2 atom.shared.xor.b64 R0, [R39], R60
    @!P3 atom.shared.exch.b32 R40, [R46], R57
    @P4 atom.shared.exch.b64 R58, [R38], R14
    @P5 atom.shared.cas.b32 R6, [R57], R41, R6
    @!P6 atom.shared.cas.b64 R18, [R59], R24, R0
    atom.shared.inc.u32 R58, [R36], R44
    @P0 atom.shared.dec.u32 R42, [R63], R0
    @!P1 atom.generic.add.u32 R51, [R56], R5
    @P2 atom.generic.add.u64 R48, [R28], R2
    @P3 atom.generic.add.f32 R13, [R8], R1
    @!P4 atom.generic.add.f64 R50, [R26], R60
    @P5 atom.generic.min.s32 R17, [R46], R34
    @P6 atom.generic.min.u32 R55, [R52], R23
    @!PT atom.generic.min.s64 R62, [R6], R56
    @P0 atom.generic.min.u64 R8, [R50], R2
    @P1 atom.generic.max.s32 R50, [R14], R37
    @!P2 atom.generic.max.u32 R51, [R10], R31
    @P3 atom.generic.max.s64 R50, [R62], R0
    @P4 atom.generic.max.u64 R38, [R8], R46
    @!P5 atom.generic.and.b32 R41, [R8], R30
    @P6 atom.generic.and.b64 R34, [R0], R60
    atom.generic.or.b32 R55, [R54], R42
    @!P0 atom.generic.or.b64 R20, [R40], R42
    @P1 atom.generic.xor.b32 R30, [R2], R48
    @P2 atom.generic.xor.b64 R20, [R44], R56
    @!P3 atom.generic.exch.b32 R7, [R40], R4
    @P4 atom.generic.exch.b64 R2, [R62], R14
    @P5 atom.generic.cas.b32 R29, [R26], R61, R34
    @!P6 atom.generic.cas.b64 R62, [R26], R60, R42
    atom.generic.inc.u32 R37, [R50], R14
    @P0 atom.generic.dec.u32 R43, [R56], R26
    @!P1 shfl.idx.b32 R6, R59, R18, R61, R24
    @P2 shfl.up.b32 R29, R37, R58, R21, R8
    @P3 shfl.down.b32 R46, R29, R18, R7, R31
    @!P4 shfl.bfly.b32 R31, R42, R39, R9, R15
    @P5 vote.all P0, P4, R63
    @P6 vote.any P2, P6, R14
    @!PT vote.ballot.b32 R24, PT, R4
    @P0 vote.uni P5, P6, R4
    @P1 mma.m16n8k16.f32.bf16 R28, R16, R50, R12
    @!P2 mma.m16n8k16.f32.f16 R20, R4, R40, R32
    exit
.end
