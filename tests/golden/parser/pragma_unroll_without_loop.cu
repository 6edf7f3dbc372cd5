// BC2005 (warning): #pragma unroll not followed by a loop.
// RUN: bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out)
{
#pragma unroll // expected-warning BC2005
    out[0] = 1;
}
