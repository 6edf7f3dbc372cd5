// Bit-manipulation intrinsics and integer widths.
#include <stdint.h>

__global__ void bits(const uint32_t* in, uint32_t* out, uint64_t* wide, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    uint32_t v = in[i];
    int pop = __popc(v);
    int lead = __clz((int)v);
    int first = __ffs((int)v);
    uint32_t rev = __brev(v);
    uint32_t perm = __byte_perm(v, rev, 0x0123);
    uint64_t big = (uint64_t)v << 32 | rev;
    int m = __mul24(pop, lead) + __umulhi(v, 3u) + __popcll(big) + __clzll((long long)big);
    out[i] = umax(perm, (uint32_t)(m + first));
    wide[i] = big + (uint64_t)umin(v, 7u);
    unsigned int ballot = __ballot_sync(0xffffffff, v > 100);
    if (__any_sync(0xffffffff, ballot != 0) && __all_sync(0xffffffff, 1)) out[i] ^= __activemask();
}
