// BC2001 at the token that cannot continue the expression.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
__global__ void k(int* out)
{
    out[0] = (1 + );
}
// CHECK: unbalanced_parens.cu:5:19: error BC2001: unexpected ')'
