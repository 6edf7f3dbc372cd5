// BC3013: the address of a built-in variable.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(unsigned* out)
{
    const uint3* t = &threadIdx; // expected-error BC3013
    out[0] = t->x;
}
