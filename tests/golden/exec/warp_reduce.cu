// Warp reduction with __shfl_down_sync and __shfl_xor_sync (butterfly): one sum per warp.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK-DAG: down: 16 x i32 match
// CHECK-DAG: bfly: 16 x i32 match

__global__ void warp_sums(const int* in, int* down, int* bfly)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    int w = v;
    for (int o = 16; o > 0; o /= 2) {
        v += __shfl_down_sync(0xffffffff, v, o);
        w += __shfl_xor_sync(0xffffffff, w, o);
    }
    if ((threadIdx.x & 31) == 0)
        down[i / 32] = v;
    if ((threadIdx.x & 31) == 31)
        bfly[i / 32] = w;
}
