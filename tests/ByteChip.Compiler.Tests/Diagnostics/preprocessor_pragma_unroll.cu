// '#pragma unroll' with a constant count that is not positive: the pragma is ignored (BC1026, a warning).
#define ZERO (1 - 1)
__global__ void k(int* out)
{
#pragma unroll 0 // expected-warning BC1026 {{'#pragma unroll' count must be a positive integer constant, not 0 ('0'); pragma ignored}}
    for (int i = 0; i < 4; i++) out[i] = i;
#pragma unroll -2 // expected-warning BC1026 {{not -2 ('-2'); pragma ignored}}
    for (int i = 0; i < 4; i++) out[i] = i;
#pragma unroll ZERO // expected-warning BC1026 {{not 0 ('(1 - 1)'); pragma ignored}}
    for (int i = 0; i < 4; i++) out[i] = i;
#pragma unroll (2+2)
    for (int i = 0; i < 8; i++) out[i] = i;
}
