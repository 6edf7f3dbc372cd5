// __syncthreads_count/_and/_or select the barrier reductions.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* out)
{
    int v = out[threadIdx.x];
    out[0] = __syncthreads_count(v > 0);
    out[1] = __syncthreads_and(v > 1);
    out[2] = __syncthreads_or(v > 2);
}
// CHECK: bar.red.popc.u32
// CHECK: bar.red.and
// CHECK: bar.red.or
