// BC3029: unary * on an int.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int v = out[0];
    out[1] = *v; // expected-error BC3029 {{indirection requires pointer operand}}
}
