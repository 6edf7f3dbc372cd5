// BC3014: return without a value in a function returning int.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int f(int x)
{
    if (x > 0)
        return; // expected-error BC3014 {{non-void function 'f' should return a value}}
    return x;
}

__global__ void k(int* out) { out[0] = f(1); }
