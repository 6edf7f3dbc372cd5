// A template kernel instantiated by host-code launches (reduce<128>, reduce<32>): each instance is its own kernel,
// looked up by bcrun under its display name. Integer sums: exact.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: sums128: 8 x i32 match
// CHECK: sums32: 32 x i32 match

template <unsigned BLOCK>
__global__ void reduce(const int* in, int* sums)
{
    __shared__ int s[BLOCK];
    unsigned t = threadIdx.x;
    s[t] = in[blockIdx.x * BLOCK + t];
    __syncthreads();
    for (unsigned k = BLOCK / 2; k > 0; k >>= 1) {
        if (t < k)
            s[t] += s[t + k];
        __syncthreads();
    }
    if (t == 0)
        sums[blockIdx.x] = s[0];
}

void launch_all(const int* in, int* sums128, int* sums32)
{
    reduce<128><<<8, 128>>>(in, sums128);
    reduce<32><<<32, 32>>>(in, sums32);
}
