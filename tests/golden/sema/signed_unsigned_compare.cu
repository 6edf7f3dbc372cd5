// BC3022 (warning): a signed value that may be negative compared with an unsigned one; built-in indices are exempt.
// RUN: bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out, unsigned n, int m)
{
    if (m < n) // expected-warning BC3022 {{comparison of integers of different signs}}
        out[0] = 1;
    if (threadIdx.x < m)
        out[1] = 2;
}
