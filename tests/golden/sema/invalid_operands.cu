// BC3004: % on floats and arithmetic on void pointers.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(float* f, void* v, int* out)
{
    float r = f[0] % 2.0f; // expected-error BC3004 {{invalid operands to binary expression}}
    void* w = v + 1; // expected-error BC3004
    out[0] = (int)r + (w == v);
}
