// BC3039: __constant__ inside a function.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    __constant__ int c = 1; // expected-error BC3039
    out[0] = c;
}
