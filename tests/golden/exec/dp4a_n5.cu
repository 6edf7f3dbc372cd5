// __dp4a (n5 only: the dp4a feature): signed and unsigned four-way byte dot products with a 32-bit accumulator.
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: s: 256 x i32 match
// CHECK: u: 256 x u32 match

__global__ void dots(const int* a, const int* b, int* s, unsigned* u, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    s[i] = __dp4a(a[i], b[i], i - 100);
    u[i] = __dp4a((unsigned)a[i], (unsigned)b[i], (unsigned)i * 7u);
}
