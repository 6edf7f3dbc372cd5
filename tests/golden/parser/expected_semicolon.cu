// BC2001 with the location of the unexpected token.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__global__ void k(int* out)
{
    int x = 3
    out[0] = x;
}
// CHECK: expected_semicolon.cu:[[@LINE-2]]:5: error BC2001
// CHECK-NEXT: {{^}}    out[0] = x;
// CHECK-NEXT: {{^}}    ^
