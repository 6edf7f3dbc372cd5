// Shuffles and votes select shfl.* and vote.* with the member mask operand.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* out)
{
    int v = out[threadIdx.x];
    v += __shfl_down_sync(0xffffffff, v, 4);
    v += __shfl_xor_sync(0xffffffff, v, 1);
    out[threadIdx.x] = v + __ballot_sync(0xffffffff, v > 0) + __all_sync(0xffffffff, v != 0);
}
// CHECK: shfl.down.b32
// CHECK: shfl.bfly.b32
// CHECK: vote.ballot.b32
// CHECK: vote.all
