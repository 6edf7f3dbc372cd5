// BC3024: a __global__ function must return void.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ int k(int* out) // expected-error BC3024 {{kernel function 'k' must have void return type}}
{
    out[0] = 1;
    return 0;
}
