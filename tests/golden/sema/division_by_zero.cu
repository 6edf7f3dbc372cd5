// BC3046 (warning): integer division and remainder by a constant zero.
// RUN: bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    out[0] = out[1] / 0; // expected-warning BC3046 {{division by zero}}
    out[2] = out[3] % 0; // expected-warning BC3046 {{remainder by zero}}
}
