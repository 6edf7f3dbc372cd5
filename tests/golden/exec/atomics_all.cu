// Every atomic of the language (add, sub, exch, min, max, inc, dec, cas, and, or, xor) on 32- and 64-bit integers,
// float and double, in global and shared memory, each used so that the result does not depend on the order the
// threads run in: commutative updates are checked by their final value, atomicAdd's return values by tickets
// (each ticket taken exactly once), atomicExch by the sum of the values it returned plus the last value (the
// first value and every written one), atomicCAS by a lock-free add loop and a 64-bit compare-and-swap maximum.
// Floating-point sums add small integers (every partial sum exact), so the comparison is exact.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: ints: 10 x i32 match
// CHECK: uints: 9 x u32 match
// CHECK: ulongs: 7 x u64 match
// CHECK: longs: 2 x i64 match
// CHECK: floats: 1 x f32 match
// CHECK: doubles: 1 x f64 match
// CHECK: tickets: 500 x i32 match
// CHECK: blocks: 16 x i32 match

__global__ void atomics(const int* in, int* ints, unsigned* uints, unsigned long long* ulongs, long long* longs,
                        float* floats, double* doubles, int* tickets, int* blocks, int n)
{
    __shared__ int s_exch;
    __shared__ int s_returned;
    __shared__ float s_fexch;
    __shared__ float s_freturned;
    __shared__ unsigned long long s_uexch;
    __shared__ unsigned long long s_ureturned;
    __shared__ unsigned s_lanes;
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    if (t == 0) {
        s_exch = -1;
        s_returned = 0;
        s_fexch = 0.5f;
        s_freturned = 0.0f;
        s_uexch = 7;
        s_ureturned = 0;
        s_lanes = 0;
    }
    __syncthreads();
    if (i < n) {
        int v = in[i];
        unsigned u = (unsigned)v;
        unsigned long long w = ((unsigned long long)u << 20) ^ (unsigned long long)(i * 2654435761u);
        atomicAdd(&ints[0], v);
        atomicSub(&ints[1], v);
        atomicMin(&ints[2], v);
        atomicMax(&ints[3], v);
        atomicAnd(&ints[4], v | 0x40000);
        atomicOr(&ints[5], v & 0x7ffff);
        atomicXor(&ints[6], v);
        int seen = ints[7], assumed;
        do {
            assumed = seen;
            seen = atomicCAS(&ints[7], assumed, assumed + (v & 1023));
        } while (seen != assumed);
        int ticket = atomicAdd(&ints[8], 1);
        atomicAdd(&tickets[ticket], 1);
        atomicAdd(&uints[0], u);
        atomicSub(&uints[1], u);
        atomicMin(&uints[2], u);
        atomicMax(&uints[3], u);
        atomicInc(&uints[4], 17u);
        atomicDec(&uints[5], 13u);
        atomicAnd(&uints[6], u | 0x80000000u);
        atomicOr(&uints[7], u & 0xf0f0f0f0u);
        atomicXor(&uints[8], u * 3u);
        atomicAdd(&ulongs[0], w);
        atomicMin(&ulongs[1], w);
        atomicMax(&ulongs[2], w);
        atomicAnd(&ulongs[3], w | 0xffff00000000ull);
        atomicOr(&ulongs[4], w & 0xff00ff00ff00ull);
        atomicXor(&ulongs[5], w);
        unsigned long long top = ulongs[6], before;
        while (top < w) {
            before = top;
            top = atomicCAS(&ulongs[6], before, w);
            if (top == before)
                break;
        }
        atomicMin(&longs[0], (long long)v * 1000003LL);
        atomicMax(&longs[1], (long long)v * -999983LL);
        atomicAdd(&floats[0], (float)(v & 255));
        atomicAdd(&doubles[0], (double)v * 0.5);
        atomicAdd(&s_returned, atomicExch(&s_exch, v));
        atomicAdd(&s_freturned, atomicExch(&s_fexch, (float)(v & 127)));
        atomicAdd(&s_ureturned, atomicExch(&s_uexch, w));
        atomicOr(&s_lanes, 1u << (t & 31));
    }
    __syncthreads();
    if (t == 0) {
        blocks[4 * blockIdx.x + 0] = s_returned + s_exch;
        blocks[4 * blockIdx.x + 1] = (int)((s_freturned + s_fexch) * 2.0f);
        blocks[4 * blockIdx.x + 2] = (int)((s_ureturned + s_uexch) % 1000000007ull);
        blocks[4 * blockIdx.x + 3] = (int)s_lanes;
    }
}
