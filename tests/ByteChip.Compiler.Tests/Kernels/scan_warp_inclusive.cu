// Inclusive warp scan with __shfl_up_sync and a block-level pass over warp totals.
__device__ __forceinline__ int warpInclusiveScan(int value, int lane)
{
#pragma unroll
    for (int delta = 1; delta < 32; delta <<= 1) {
        int other = __shfl_up_sync(0xffffffff, value, delta);
        if (lane >= delta) value += other;
    }
    return value;
}

__global__ void blockScan(const int* in, int* out, int n)
{
    __shared__ int warpTotals[32];
    int gid = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x % 32;
    int warp = threadIdx.x / 32;
    int v = gid < n ? in[gid] : 0;
    v = warpInclusiveScan(v, lane);
    if (lane == 31) warpTotals[warp] = v;
    __syncthreads();
    if (warp == 0) {
        int t = lane < (int)(blockDim.x / 32) ? warpTotals[lane] : 0;
        warpTotals[lane] = warpInclusiveScan(t, lane);
    }
    __syncthreads();
    if (warp > 0) v += warpTotals[warp - 1];
    if (gid < n) out[gid] = v;
}
