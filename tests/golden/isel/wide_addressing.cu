// Array indexing widens the 32-bit index (mul.wide or cvt + shl) and adds a 64-bit address.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(double* d, long long* l, int i)
{
    d[i] = d[i + 1] * 2.0;
    l[i] = l[i] * l[i + 2] + 5;
}
// CHECK: add.u64
// CHECK: mul.f64
// CHECK: mul.lo.u64
