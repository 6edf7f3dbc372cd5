// Warp votes (__ballot_sync, __any_sync, __all_sync, __activemask, also in a branch only the odd lanes take), every
// shuffle (__shfl_sync with a computed source lane and with width 8, __shfl_up_sync, __shfl_down_sync with width 16,
// __shfl_xor_sync on float, __shfl_down_sync on double, the lanes without a source keeping their own value) and the
// block reductions __syncthreads_count/_and/_or. All results are exact.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: ballots: 96 x u32 match
// CHECK: flags: 64 x i32 match
// CHECK: shuffled: 4096 x i32 match
// CHECK: fshuf: 1024 x f32 match
// CHECK: dshuf: 1024 x f64 match
// CHECK: counts: 24 x i32 match

__global__ void votes(const int* in, unsigned* ballots, int* flags, int* shuffled, float* fshuf, double* dshuf, int* counts)
{
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    int lane = t & 31;
    int warp = i / 32;
    int warps = gridDim.x * blockDim.x / 32;
    int v = in[i];
    unsigned b = __ballot_sync(0xffffffffu, v > 0);
    int any = __any_sync(0xffffffffu, v > 900);
    int all = __all_sync(0xffffffffu, v > -950);
    if (lane == 0) {
        ballots[warp] = b;
        flags[2 * warp] = any;
        flags[2 * warp + 1] = all;
    }
    if (lane & 1) {
        unsigned odd = __ballot_sync(0xaaaaaaaau, v & 4);
        unsigned active = __activemask();
        if (lane == 1) {
            ballots[warps + warp] = odd;
            ballots[2 * warps + warp] = active;
        }
    }
    shuffled[4 * i + 0] = __shfl_sync(0xffffffffu, v, (lane * 7 + 3) & 31);
    shuffled[4 * i + 1] = __shfl_up_sync(0xffffffffu, v, 3);
    shuffled[4 * i + 2] = __shfl_sync(0xffffffffu, v, 2, 8);
    shuffled[4 * i + 3] = __shfl_down_sync(0xffffffffu, v, 5, 16);
    fshuf[i] = __shfl_xor_sync(0xffffffffu, (float)v * 0.25f, 5);
    dshuf[i] = __shfl_down_sync(0xffffffffu, (double)v * 1.5, 1);
    int count = __syncthreads_count(v > 0);
    int every = __syncthreads_and(v > -990);
    int some = __syncthreads_or(v > 985);
    if (t == 0) {
        counts[3 * blockIdx.x + 0] = count;
        counts[3 * blockIdx.x + 1] = every;
        counts[3 * blockIdx.x + 2] = some;
    }
}
