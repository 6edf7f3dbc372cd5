// _Pragma from a macro becomes the same pragma as the directive (its count macro-expanded).
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define DO_PRAGMA(text) _Pragma(#text)
#define UNROLL(n) DO_PRAGMA(unroll n)
#define FOUR 4
__global__ void k(int* out)
{
    UNROLL(FOUR)
    for (int i = 0; i < 8; i++) out[i] = i;
}
// CHECK: unroll 4 for
