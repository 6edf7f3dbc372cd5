// BC3023 (warning): __syncthreads under a condition that depends on threadIdx.
// RUN: bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    if (threadIdx.x < 16) {
        __syncthreads(); // expected-warning BC3023 {{__syncthreads}}
        out[threadIdx.x] = 1;
    }
    if (blockIdx.x == 0)
        __syncthreads();
}
