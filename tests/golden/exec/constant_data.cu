// __constant__ data initialized in the source and read by a kernel, at uniform indices (a filter loop) and at
// per-thread indices (a table lookup).
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 600 x i32 match

__constant__ int taps[5] = { 3, -1, 4, 1, -5 };
__constant__ int table[8] = { 9, 2, -6, 5, 3, 5, -8, 7 };
__constant__ int bias = 17;

__global__ void filter(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    int acc = bias;
    for (int k = 0; k < 5; k++)
        acc += taps[k] * in[(i + k) % n];
    out[i] = acc * table[in[i] & 7];
}
