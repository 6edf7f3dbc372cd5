// BC3042: static shared memory beyond n5's 96 KiB (it fits n4's 228 KiB: the second RUN line).
// RUN: not bytechipcc -fsyntax-only --arch n5 %s | verify
// RUN: bytechipcc -fsyntax-only --arch n4 %s

__global__ void k(float* out)
{
    __shared__ float big[32768]; // expected-error BC3042 {{shared}}
    big[threadIdx.x] = 1.0f;
    __syncthreads();
    out[threadIdx.x] = big[threadIdx.x ^ 1];
}
