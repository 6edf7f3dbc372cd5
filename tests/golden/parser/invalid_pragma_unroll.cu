// BC2006: #pragma unroll with an argument that is not an expression (a name is evaluated by the semantic analysis); a constant that is not positive is a
// BC1026 warning (the pragma is ignored), as nvcc does.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out)
{
#pragma unroll -1 // expected-warning BC1026 {{'#pragma unroll' count must be a positive integer constant, not -1 ('-1'); pragma ignored}}
    for (int i = 0; i < 4; i++)
        out[i] = i;
#pragma unroll 4 x // expected-error BC2006 {{not '4 x'}}
    for (int i = 0; i < 4; i++)
        out[i] = i;
}
