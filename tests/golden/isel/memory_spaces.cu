// Each address space has its own loads and stores: ld.param for arguments, ld.const, ld/st.shared, ld/st.global.
// RUN: bytechipcc -S -O2 %s | FileCheck
__constant__ float scale[2] = {2.0f, 3.0f};
__global__ void k(const float* in, float* out)
{
    __shared__ float tile[32];
    tile[threadIdx.x] = in[threadIdx.x] * scale[1];
    __syncthreads();
    out[threadIdx.x] = tile[31 - threadIdx.x];
}
// CHECK-DAG: ld.param.b64 R{{[0-9]+}}, [RZ]
// CHECK-DAG: ld.param.b64 R{{[0-9]+}}, [RZ+0x8]
// CHECK-DAG: ld.const.b32
// CHECK-DAG: ld.global.b32
// CHECK: st.shared.b32
// CHECK: bar.sync 0
// CHECK: ld.shared.b32
// CHECK: st.global.b32
