// BC3006: no overload accepts a pointer argument.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int f(int a) { return a; }
__device__ int f(float a) { return (int)a; }

struct P { int x; };

__global__ void k(int* out)
{
    P p = {1};
    out[0] = f(p); // expected-error BC3006 {{no matching function for call to 'f'}}
}
