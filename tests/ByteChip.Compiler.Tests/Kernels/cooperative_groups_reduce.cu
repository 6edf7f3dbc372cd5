// Block reduction written with cooperative groups.
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__device__ int reduceSum(cg::thread_block g, int* temp, int val)
{
    int lane = g.thread_rank();
    for (int i = g.size() / 2; i > 0; i /= 2) {
        temp[lane] = val;
        g.sync();
        if (lane < i) val += temp[lane + i];
        g.sync();
    }
    return val;
}

__global__ void sumKernel(const int* input, int* sum, int n)
{
    extern __shared__ int temp[];
    cg::thread_block block = cg::this_thread_block();
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    int v = idx < n ? input[idx] : 0;
    int blockSum = reduceSum(block, temp, v);
    if (block.thread_rank() == 0) atomicAdd(sum, blockSum);
    cg::sync(block);
}
