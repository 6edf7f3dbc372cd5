// BC3035: arrays of zero and negative size.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int a[0]; // expected-error BC3035
    int b[-4]; // expected-error BC3035
    out[0] = a[0] + b[0];
}
