// BC3007: a double argument converts equally well to int and to float.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int g(int a) { return a; }
__device__ int g(float a) { return 1; }

__global__ void k(int* out)
{
    out[0] = g(1.0); // expected-error BC3007 {{ambiguous}}
}
