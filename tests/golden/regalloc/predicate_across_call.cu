// A predicate computed before a __noinline__ call and used after it (and a second call under it): the allocator
// does not keep it in a predicate register across the call; it is set again from a saved value before the branch.
// The kernel runs against its C# reference at -O0 and -O2 on both targets.
// RUN: bytechipcc -S -O2 %s | FileCheck
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// CHECK-LABEL: .kernel predicated
// CHECK: setp.{{[a-z]+}}.s32 P{{[0-9]+}}, R{{[0-9]+}}, R{{[0-9]+}}
// CHECK: call R{{[0-9]+}}, [[F:\.L[0-9a-f]+]]
// CHECK-NOT: bra
// CHECK: setp.{{[a-z]+}}.{{[a-z0-9]+}} [[Q:P[0-9]+]], R{{[0-9]+}}
// CHECK-NEXT: @{{!?}}[[Q]] bra
// CHECK: call R{{[0-9]+}}, [[F]]
// CHECK: exit
// EXEC: out: 640 x i32 match

__device__ __noinline__ int step(int x)
{
    return x * 3 + 1;
}

__global__ void predicated(const int* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    bool big = v > n;
    bool odd = (v & 1) != 0;
    int r = step(v);
    if (big)
        r += step(r);
    if (odd && !big)
        r ^= 0x55;
    out[i] = r;
}
