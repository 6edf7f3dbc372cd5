// BC3016 (warning): control can reach the end of a non-void function.
// RUN: bytechipcc -fsyntax-only %s | verify

__device__ int sign(int x)
{
    if (x > 0)
        return 1;
    else if (x < 0)
        return -1;
} // expected-warning BC3016 {{non-void function 'sign' does not return a value in all control paths}}

__global__ void k(int* out) { out[0] = sign(out[1]); }
