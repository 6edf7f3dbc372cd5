// ARGS: --arch n5
// Warnings CUDA users expect, on the inference part where double precision is slow; and a missing target feature.
__global__ void warnings(float* data, unsigned int count, int n)
{
    int tid = threadIdx.x;
    data[tid] = data[tid] * 0.5; // expected-warning BC3021 {{implicit conversion of float to double}}
    if (n < count) { // expected-warning BC3022 {{comparison of integers of different signs: 'int' and 'unsigned int'}}
        data[0] = 1.0f;
    }
    if (tid < 32) {
        __syncthreads(); // expected-warning BC3023 {{'__syncthreads' in code that depends on threadIdx}}
    }
}
