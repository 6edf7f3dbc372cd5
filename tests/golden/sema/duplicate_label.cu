// BC3054: a label defined twice in one function.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
again:
    out[0]++;
again: // expected-error BC3054 {{redefinition of label 'again'}}
    if (out[0] < 3)
        goto again;
}
