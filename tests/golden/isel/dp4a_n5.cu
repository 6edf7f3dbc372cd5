// __dp4a selects n5's dp4a instruction.
// RUN: bytechipcc -S -O2 --arch n5 %s | FileCheck
__global__ void k(const int* a, const int* b, int* out)
{
    out[0] = __dp4a(a[0], b[0], out[1]);
}
// CHECK: .target n5
// CHECK: dp4a.s32.s8.s8 R{{[0-9]+}}, R{{[0-9]+}}, R{{[0-9]+}}, R{{[0-9]+}}
