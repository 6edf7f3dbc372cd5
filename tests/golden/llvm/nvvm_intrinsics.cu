// Special registers, barriers, shuffles and votes are NVVM intrinsics (so clang's device IR is accepted too).
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* out)
{
    int v = threadIdx.x + blockIdx.y * blockDim.x + gridDim.z;
    __syncthreads();
    v = __shfl_xor_sync(0xffffffff, v, 1);
    v += __shfl_up_sync(0xffffffff, v, 2);
    v += __shfl_sync(0xffffffff, v, 0);
    out[0] = v + __ballot_sync(0xffffffff, v > 0) + __any_sync(0xffffffff, v == 3);
}
// CHECK-DAG: call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
// CHECK-DAG: call i32 @llvm.nvvm.read.ptx.sreg.ctaid.y()
// CHECK-DAG: call i32 @llvm.nvvm.read.ptx.sreg.ntid.x()
// CHECK-DAG: call i32 @llvm.nvvm.read.ptx.sreg.nctaid.z()
// CHECK: call void @llvm.nvvm.barrier0()
// CHECK: call i32 @llvm.nvvm.shfl.sync.bfly.i32(i32 -1, i32 %{{[0-9]+}}, i32 1, i32 31)
// CHECK: call i32 @llvm.nvvm.shfl.sync.up.i32(i32 -1, i32 %{{[0-9]+}}, i32 2, i32 0)
// CHECK: call i32 @llvm.nvvm.shfl.sync.idx.i32(i32 -1, i32 %{{[0-9]+}}, i32 0, i32 31)
// CHECK: call i32 @llvm.nvvm.vote.ballot.sync(i32 -1, i1 %{{[0-9]+}})
// CHECK: call i1 @llvm.nvvm.vote.any.sync(i32 -1, i1 %{{[0-9]+}})
// CHECK: declare void @llvm.nvvm.barrier0() #[[CONV:[0-9]+]]
// CHECK: attributes #[[CONV]] = { convergent
