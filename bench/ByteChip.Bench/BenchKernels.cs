namespace ByteChip.Bench;

/// <summary>The three benchmark kernels, in ByteChip assembly.</summary>
internal static class BenchKernels
{
    /// <summary>
    /// ALU-bound: every thread runs a uniform loop of 16 integer and f32 operations per iteration
    /// (no memory traffic except one store at the end).
    /// </summary>
    public const string Alu = """
        .target n4
        .kernel alu
            .param out 8 8 ptr global
            .param iterations 4 4
            s2r R0, %tid.x
            s2r R1, %ctaid.x
            s2r R2, %ntid.x
            mad.lo.u32 R3, R1, R2, R0
            ld.param.b32 R4, [RZ+8]
            mov.b32 R5, 0
            cvt.rn.f32.u32 R6, R3
            mov.b32 R7, 0x3F800000
            mov.b32 R8, 0x3F000000
            mov.b32 R9, 12345
        loop:
            fma.f32 R6, R6, R8, R7
            add.u32 R9, R9, R3
            mul.lo.u32 R10, R9, R9
            xor.b32 R10, R10, R3
            fma.f32 R7, R7, R8, R6
            mad.lo.u32 R9, R10, R9, R3
            add.f32 R6, R6, R7
            and.b32 R10, R10, 0xFFFF
            mul.f32 R7, R7, R8
            add.u32 R9, R9, R10
            fma.f32 R6, R6, R8, R7
            mov.b32 R11, R9
            add.u32 R5, R5, 1
            setp.lt.u32 P0, R5, R4
            @P0 bra.uni loop
            ld.param.b64 R12, [RZ]
            mul.wide.u32 R14, R3, 4
            add.u64 R12, R12, R14
            add.u32 R11, R11, R6
            st.global.b32 [R12], R11
            exit
        .end
        """;

    /// <summary>Memory-bound: y[i] = a * x[i] + y[i] over a grid-stride loop (two loads, one store per element).</summary>
    public const string Memory = """
        .target n4
        .kernel saxpy
            .param a 4 4
            .param x 8 8 ptr global
            .param y 8 8 ptr global
            .param n 4 4
            s2r R0, %tid.x
            s2r R1, %ctaid.x
            s2r R2, %ntid.x
            mad.lo.u32 R3, R1, R2, R0
            s2r R4, %nctaid.x
            mul.lo.u32 R4, R4, R2
            ld.param.b32 R5, [RZ]
            ld.param.b64 R6, [RZ+8]
            ld.param.b64 R8, [RZ+16]
            ld.param.b32 R10, [RZ+24]
        loop:
            setp.ge.u32 P0, R3, R10
            @P0 exit
            mul.wide.u32 R12, R3, 4
            add.u64 R14, R6, R12
            ld.global.b32 R16, [R14]
            add.u64 R14, R8, R12
            ld.global.b32 R17, [R14]
            fma.f32 R17, R5, R16, R17
            st.global.b32 [R14], R17
            add.u32 R3, R3, R4
            bra loop
        .end
        """;

    /// <summary>Shared memory and barriers: each iteration writes shared, syncs, reads a neighbour, accumulates, syncs.</summary>
    public const string Shared = """
        .target n4
        .kernel stencil
            .param out 8 8 ptr global
            .param iterations 4 4
            .shared 1024
            s2r R0, %tid.x
            s2r R1, %ctaid.x
            s2r R2, %ntid.x
            ld.param.b32 R4, [RZ+8]
            mov.b32 R5, 0
            shl.b32 R6, R0, 2
            add.u32 R7, R0, 1
            and.b32 R7, R7, 255
            shl.b32 R7, R7, 2
            mov.b32 R8, R0
        loop:
            st.shared.b32 [R6], R8
            bar.sync 0
            ld.shared.b32 R9, [R7]
            add.u32 R8, R8, R9
            xor.b32 R8, R8, R5
            bar.sync 0
            add.u32 R5, R5, 1
            setp.lt.u32 P0, R5, R4
            @P0 bra.uni loop
            mad.lo.u32 R3, R1, R2, R0
            ld.param.b64 R12, [RZ]
            mul.wide.u32 R14, R3, 4
            add.u64 R12, R12, R14
            st.global.b32 [R12], R8
            exit
        .end
        """;
}
