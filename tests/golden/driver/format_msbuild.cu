// --diagnostics-format msbuild: FILE(LINE,COL): error CODE: message, one line per diagnostic, no caret.
// RUN: not bytechipcc --diagnostics-format msbuild -fsyntax-only %s |& FileCheck
// CHECK: format_msbuild.cu(10,12): error BC3001: use of undeclared identifier 'undeclared'
// CHECK-NOT: ^
// CHECK-NOT: error generated
__global__ void k(int* p)
{
    int i = threadIdx.x;
    p[i] = i;
    p[0] = undeclared;
}
