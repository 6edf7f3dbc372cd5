// '#pragma unroll' forms as nvcc takes them: no argument (full unroll), an integral constant expression folded by
// the preprocessor (a literal, a parenthesized expression, a macro), 1 (no unrolling); a zero or negative
// constant is a BC1026 warning and the pragma is ignored. The loop metadata of each is checked in the IR.
// RUN: bytechipcc --emit-llvm -O0 -o - %s |& FileCheck
#define FACTOR 8
__global__ void k(int* out)
{
#pragma unroll
    for (int i = 0; i < 4; i++) out[i] = i;
#pragma unroll 2
    for (int i = 0; i < 8; i++) out[i] += i;
#pragma unroll (2+2)
    for (int i = 0; i < 8; i++) out[i] += 2 * i;
#pragma unroll FACTOR
    for (int i = 0; i < 16; i++) out[i] += 3 * i;
#pragma unroll 1
    for (int i = 0; i < 16; i++) out[i] += 4 * i;
#pragma unroll 0
    for (int i = 0; i < 16; i++) out[i] += 5 * i;
#pragma unroll -1
    for (int i = 0; i < 16; i++) out[i] += 6 * i;
}
// CHECK-DAG: pragma_unroll_forms.cu:18:16: warning BC1026: '#pragma unroll' count must be a positive integer constant, not 0 ('0'); pragma ignored
// CHECK-DAG: pragma_unroll_forms.cu:20:16: warning BC1026: '#pragma unroll' count must be a positive integer constant, not -1 ('-1'); pragma ignored
// CHECK-DAG: !{!"llvm.loop.unroll.full"}
// CHECK-DAG: !{!"llvm.loop.unroll.count", i32 2}
// CHECK-DAG: !{!"llvm.loop.unroll.count", i32 4}
// CHECK-DAG: !{!"llvm.loop.unroll.count", i32 8}
// CHECK-DAG: !{!"llvm.loop.unroll.disable"}
