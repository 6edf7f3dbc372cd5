// 64-bit integer arithmetic: signed multiply, divide, remainder (truncating toward zero), arithmetic shift,
// min/max compare; unsigned multiply (wrapping), logical shift, divide.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: s: 2048 x i64 match
// CHECK: u: 1024 x u64 match

__global__ void wide(const long long* a, const long long* b, long long* s, unsigned long long* u, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    long long x = a[i];
    long long y = b[i];
    s[4 * i + 0] = x * y;
    s[4 * i + 1] = x / y;
    s[4 * i + 2] = x % y;
    s[4 * i + 3] = (x >> 9) + (x < y ? y : x);
    unsigned long long ux = (unsigned long long)x;
    u[2 * i + 0] = ux * 0x9E3779B97F4A7C15ull + (ux >> 17);
    u[2 * i + 1] = ux / ((unsigned long long)(y & 0xffff) + 1ull);
}
