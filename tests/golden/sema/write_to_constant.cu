// BC3012: device code writes __constant__ memory.
// RUN: not bytechipcc -fsyntax-only %s | verify

__constant__ float table[4] = {1.0f, 2.0f, 3.0f, 4.0f};

__global__ void k(float* out)
{
    table[0] = 2.0f; // expected-error BC3012 {{__constant__}}
    out[0] = table[1];
}
