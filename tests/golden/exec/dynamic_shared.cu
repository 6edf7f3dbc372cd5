// extern __shared__: the block's dynamic shared memory (launch sharedBytes = 2 * 64 * 4) holds two arrays; each
// thread reads its mirror partner's values after the barrier.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 512 x i32 match

extern __shared__ int dyn[];

__global__ void mirror(const int* in, int* out)
{
    int* vals = dyn;
    int* squares = dyn + blockDim.x;
    unsigned t = threadIdx.x;
    int v = in[blockIdx.x * blockDim.x + t];
    vals[t] = v;
    squares[t] = v * v;
    __syncthreads();
    unsigned m = blockDim.x - 1 - t;
    out[blockIdx.x * blockDim.x + t] = vals[m] * 3 - squares[m] + (int)t;
}
