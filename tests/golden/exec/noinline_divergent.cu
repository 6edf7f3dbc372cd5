// A __noinline__ device function (a real call) from divergent paths: two branches of an if/else call it with
// different arguments, and a third call happens for every third thread only.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 700 x i32 match

__device__ __noinline__ int mix(int a, int b)
{
    int r = a;
    for (int j = 0; j < (b & 3) + 1; j++)
        r = r * 3 + b;
    return r ^ (a >> 2);
}

__global__ void divergent(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    int v = in[i];
    int r;
    if (v & 1)
        r = mix(v, i);
    else if ((v & 6) == 2)
        r = mix(i, v) + 1;
    else
        r = v;
    if (threadIdx.x % 3 == 0)
        r += mix(r & 1023, 5);
    out[i] = r;
}
