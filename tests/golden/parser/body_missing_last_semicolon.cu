// A function body of one expression statement without its ';' is a function with a syntax error at the '}', not a
// declaration with a brace initializer (whose error would land at the next function's first token).
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__device__ void store(int* o) { o[0] = 1 }
// CHECK: body_missing_last_semicolon.cu:[[@LINE-1]]:42: error BC2001: expected ';' before '}'
// CHECK-NOT: error
__global__ void k(int* o) { store(o); }
// CHECK: 1 error generated.
