// BC3009: writing a const local and threadIdx.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    const int c = 4;
    c = 5; // expected-error BC3009 {{const}}
    threadIdx.x = 0; // expected-error BC3009
    out[0] = c;
}
