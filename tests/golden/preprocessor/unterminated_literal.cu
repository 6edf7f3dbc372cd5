// BC1015: a string literal not closed on its line.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__global__ void k(int* out) { const char* s = "abc; out[0] = 1; }
// CHECK: unterminated_literal.cu:[[@LINE-1]]:{{[0-9]+}}: error BC1015
