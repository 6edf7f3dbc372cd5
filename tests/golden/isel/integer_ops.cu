// Integer operations: immediates fold into the I forms, bit intrinsics select popc/clz/brev.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(unsigned* u, int* s)
{
    u[0] = (u[1] << 3) ^ 0xff;
    u[2] = __popc(u[3]) + __clz(u[4]) + __brev(u[5]);
    s[0] = s[1] / s[2];
    s[3] = max(s[4], -7);
}
// CHECK-DAG: shl.b32 R{{[0-9]+}}, R{{[0-9]+}}, 3
// CHECK-DAG: xor.b32 R{{[0-9]+}}, R{{[0-9]+}}, 0xff
// CHECK-DAG: popc.b32
// CHECK-DAG: clz.b32
// CHECK-DAG: brev.b32
// CHECK-DAG: div.s32
// CHECK-DAG: max.s32 R{{[0-9]+}}, R{{[0-9]+}}, R{{[0-9]+}}
