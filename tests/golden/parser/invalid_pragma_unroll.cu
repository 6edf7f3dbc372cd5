// BC2006: #pragma unroll with an argument that is not a positive integer constant.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out)
{
#pragma unroll -1 // expected-error BC2006 {{'#pragma unroll' expects a positive integer constant, not '-1'}}
    for (int i = 0; i < 4; i++)
        out[i] = i;
#pragma unroll abc // expected-error BC2006 {{not 'abc'}}
    for (int i = 0; i < 4; i++)
        out[i] = i;
}
