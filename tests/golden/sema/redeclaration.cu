// BC3002: a local declared twice in one scope, and a function defined twice.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int twice(int x) { return 2 * x; }
__device__ int twice(int x) { return x + x; } // expected-error BC3002 {{redefinition of 'twice'}}

__global__ void k(int* out)
{
    int v = 1; // expected-warning BC3020 {{unused variable 'v'}}
    float v = 2.0f; // expected-error BC3002 {{redefinition of 'v'}}
    out[0] = twice(3);
}
