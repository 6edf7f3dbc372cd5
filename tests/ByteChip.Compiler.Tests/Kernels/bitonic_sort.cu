// Bitonic sorting network step (global memory), one launch per (j, k) pair.
__device__ inline void swapIfGreater(float& a, float& b, bool ascending)
{
    if ((a > b) == ascending) {
        float t = a;
        a = b;
        b = t;
    }
}

__global__ void bitonicStep(float* values, int j, int k)
{
    unsigned int i = threadIdx.x + blockDim.x * blockIdx.x;
    unsigned int ixj = i ^ j;
    if (ixj > i) {
        bool ascending = (i & k) == 0;
        swapIfGreater(values[i], values[ixj], ascending);
    }
}
