// Divergent data-dependent loop in a device function with 64-bit values and a pointer out-parameter.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK-DAG: steps: 500 x i32 match
// CHECK-DAG: peak: 500 x i64 match

__device__ int collatz_steps(long long x, long long* top)
{
    int s = 0;
    *top = x;
    while (x != 1) {
        if (x % 2 == 0) {
            x /= 2;
        } else {
            x = 3 * x + 1;
            if (x > *top)
                *top = x;
        }
        if (++s > 1000)
            break;
    }
    return s;
}

__global__ void collatz(const int* in, int* steps, long long* peak, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    long long top;
    steps[i] = collatz_steps(in[i], &top);
    peak[i] = top;
}
