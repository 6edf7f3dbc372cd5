// -S: each .loc line carries the source line it stands for as a comment (FILE:LINE: text).
// RUN: bytechipcc -S -O2 %s | FileCheck
// RUN: bytechipcc -S -O0 --arch n5 %s | FileCheck
// CHECK: // bytechipcc: {{.*}}asm_source_lines.cu
// CHECK: .file 0 "{{.*}}asm_source_lines.cu"
// CHECK-LABEL: .kernel k mangled _Z1kPii
// CHECK: .loc 0 17 13 // {{.*}}asm_source_lines.cu:17: int i = threadIdx.x;
// CHECK-NEXT: s2r R{{[0-9]+}}, %tid.x
// CHECK: .loc 0 18 {{[0-9]+}} // {{.*}}asm_source_lines.cu:18: if (i < n)
// CHECK: setp.lt.s32 [[P:P[0-6]]], R{{[0-9]+}}, R{{[0-9]+}}
// CHECK: .loc 0 19 {{[0-9]+}} // {{.*}}asm_source_lines.cu:19: p[i] = i * 2;
// CHECK: st.{{global|generic}}.b32 [R{{[0-9]+}}], R{{[0-9]+}}
// CHECK: .loc 0 20 1 // {{.*}}asm_source_lines.cu:20: }
// CHECK-NEXT: exit
__global__ void k(int* p, int n)
{
    int i = threadIdx.x;
    if (i < n)
        p[i] = i * 2;
}
