// A struct returned by a device function and a local array indexed by a thread-dependent value (kept in local
// memory). Integers: exact.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 700 x i32 match

struct Pair {
    int lo;
    int hi;
};

__device__ Pair split(int v)
{
    Pair p;
    p.lo = v & 0xff;
    p.hi = v >> 8;
    return p;
}

__global__ void struct_local(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    int hist[8];
    for (int k = 0; k < 8; k++)
        hist[k] = 0;
    int v = in[i];
    for (int k = 0; k < 8; k++) {
        Pair p = split(v + k * 37);
        hist[(p.lo ^ p.hi) & 7] += p.lo;
    }
    int acc = 0;
    for (int k = 0; k < 8; k++)
        acc = acc * 3 + hist[(k + i) & 7];
    out[i] = acc;
}
