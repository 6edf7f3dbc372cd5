// BC3005: too many and too few arguments for the only candidate.
// RUN: not bytechipcc -fsyntax-only %s | verify

__device__ int add(int a, int b) { return a + b; }

__global__ void k(int* out)
{
    out[0] = add(1); // expected-error BC3005 {{too few arguments}}
    out[1] = add(1, 2, 3); // expected-error BC3005 {{too many arguments}}
}
