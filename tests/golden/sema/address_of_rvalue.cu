// BC3043: & of a sum.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int x = out[0];
    int* p = &(x + 1); // expected-error BC3043 {{cannot take the address of an rvalue}}
    out[1] = *p;
}
