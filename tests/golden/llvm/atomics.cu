// atomicAdd/Max/CAS/Exch lower to atomicrmw and cmpxchg (monotonic), on global and shared addresses.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* g, float* f, unsigned* u)
{
    __shared__ int s[4];
    atomicAdd(&g[0], 1);
    atomicAdd(&f[0], 2.0f);
    atomicMax(&g[1], 5);
    atomicMin(&u[0], 7u);
    atomicCAS(&g[2], 1, 2);
    atomicExch(&s[0], 3);
    atomicOr(&u[1], 8u);
    atomicInc(&u[2], 10u);
}
// CHECK: atomicrmw add ptr %{{[0-9]+}}, i32 1 monotonic
// CHECK: atomicrmw fadd ptr %{{[0-9]+}}, float 2.000000e+00 monotonic
// CHECK: atomicrmw max ptr %{{[0-9]+}}, i32 5 monotonic
// CHECK: atomicrmw umin ptr %{{[0-9]+}}, i32 7 monotonic
// CHECK: cmpxchg ptr %{{[0-9]+}}, i32 1, i32 2 monotonic monotonic
// CHECK: atomicrmw xchg ptr {{.*}}, i32 3 monotonic
// CHECK: atomicrmw or ptr %{{[0-9]+}}, i32 8 monotonic
// CHECK: atomicrmw uinc_wrap ptr %{{[0-9]+}}, i32 10 monotonic
