// BC3015: return with a value in a void function.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ void f(int* p)
{
    p[0] = 1;
    return 2; // expected-error BC3015 {{void function 'f' should not return a value}}
}

__global__ void k(int* out) { f(out); }
