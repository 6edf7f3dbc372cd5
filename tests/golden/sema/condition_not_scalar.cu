// BC3045: a struct as an if condition and a float as a switch value.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Flag { int on; };

__global__ void k(Flag* f, float* x, int* out)
{
    if (f[0]) // expected-error BC3045
        out[0] = 1;
    switch (x[0]) { // expected-error BC3045
    default:
        out[1] = 2;
    }
}
