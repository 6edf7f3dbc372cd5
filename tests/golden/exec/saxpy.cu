// y = a * x + y: contracted to fma.f32 (one rounding) where the reference rounds twice; without cancellation
// (all values positive) the two differ by at most 1 ulp.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// TOLERANCE: ulp=1
// CHECK: y: 4096 x f32 match

__global__ void saxpy(float a, const float* __restrict__ x, float* y, int n)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        y[i] = a * x[i] + y[i];
}
