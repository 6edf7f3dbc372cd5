// Atomics select the space-specific forms: global, shared, and CAS with its compare operand.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* g, unsigned* u, float* f)
{
    __shared__ int s[1];
    if (threadIdx.x == 0) s[0] = 0;
    __syncthreads();
    atomicAdd(&s[0], 1);
    atomicAdd(&g[0], 2);
    atomicAdd(&f[0], 1.5f);
    atomicCAS(&g[1], 3, 4);
    atomicMax(&u[0], 9u);
}
// CHECK-DAG: atom.shared.add.u32
// CHECK-DAG: atom.global.add.u32
// CHECK-DAG: atom.global.add.f32
// CHECK-DAG: atom.global.cas.b32
// CHECK-DAG: atom.global.max.u32
