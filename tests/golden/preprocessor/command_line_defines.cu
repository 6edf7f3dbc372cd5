// -D NAME defines NAME as 1, -D NAME=VALUE as VALUE; both reach #if and the code.
// RUN: bytechipcc --dump-after=tokens -DTILE=32 -DUSE_FAST %s | FileCheck
__global__ void k(int* out)
{
#if USE_FAST == 1
    out[0] = TILE;
#endif
}
// CHECK: out [ 0 ] = 32 ;
