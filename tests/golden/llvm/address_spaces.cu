// __shared__ → addrspace(3), __constant__ → addrspace(4), __device__ globals → addrspace(1), extern __shared__ →
// an external zero-length array; after optimization shared accesses use addrspace(3) pointers directly.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
// RUN: bytechipcc --emit-llvm -O2 %s | FileCheck --check-prefix=OPT
__constant__ float coeff[4] = {1.0f, 2.0f, 3.0f, 4.0f};
__device__ int counter;
extern __shared__ float dyn[];
__global__ void k(float* out)
{
    __shared__ float tile[64];
    tile[threadIdx.x] = coeff[threadIdx.x & 3];
    dyn[threadIdx.x] = (float)counter;
    __syncthreads();
    out[threadIdx.x] = tile[63 - threadIdx.x] + dyn[threadIdx.x ^ 1];
}
// CHECK-DAG: @coeff = addrspace(4) externally_initialized global [16 x i8]
// CHECK-DAG: @counter = addrspace(1) externally_initialized global i32 0, align 4
// CHECK-DAG: @dyn = external addrspace(3) global [0 x float], align 16
// CHECK-DAG: @tile = internal addrspace(3) global [256 x i8] undef, align 4
// CHECK: addrspacecast (ptr addrspace(3) @tile to ptr)
// OPT: store float {{.*}}, ptr addrspace(3)
// OPT: load float, ptr addrspace(3)
