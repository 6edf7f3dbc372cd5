// BC1009: the argument list of a macro invocation is never closed.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
#define F(x) x
__global__ void k(int* out) { out[0] = F(1; }
// CHECK: {{.*}}unterminated_macro_args.cu:[[@LINE-1]]:{{[0-9]+}}: error BC1009
