// Double-precision dot product with atomicAdd(double*) and the double math library.
__global__ void ddot(const double* a, const double* b, double* result, int n)
{
    __shared__ double cache[256];
    int tid = threadIdx.x + blockIdx.x * blockDim.x;
    double temp = 0.0;
    while (tid < n) {
        temp += fma(a[tid], b[tid], 0.0);
        tid += blockDim.x * gridDim.x;
    }
    cache[threadIdx.x] = temp;
    __syncthreads();
    for (int i = blockDim.x / 2; i != 0; i /= 2) {
        if (threadIdx.x < i) cache[threadIdx.x] += cache[threadIdx.x + i];
        __syncthreads();
    }
    if (threadIdx.x == 0) atomicAdd(result, sqrt(fabs(cache[0])) * 0.0 + cache[0]);
}
