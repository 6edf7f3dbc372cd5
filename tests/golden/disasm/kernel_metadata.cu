// bcobjdump over a compiled kernel; the whole output is the expectation (precise).
// RUN: bytechipcc -O2 %s | bcobjdump -k | precise
__constant__ int lut[4] = {1, 2, 3, 4};
__device__ int total;
__global__ void __launch_bounds__(64) k(const int* in, int* out, int n)
{
    extern __shared__ int dyn[];
    dyn[threadIdx.x] = in[threadIdx.x] * lut[threadIdx.x & 3];
    __syncthreads();
    if (threadIdx.x < n) atomicAdd(&total, dyn[threadIdx.x]);
    out[0] = total;
}
