// BC3052: extern __shared__ must be an array without a size.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    extern __shared__ int dyn[16]; // expected-error BC3052
    out[0] = dyn[0];
}
