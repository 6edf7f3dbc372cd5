// bcobjdump over a compiled kernel; the whole output is the expectation (precise).
// RUN: bytechipcc -S -O2 %s | bcas - | bcobjdump -d --no-encoding | precise
__global__ void k(const float* x, float* y, int n)
{
    for (int i = threadIdx.x; i < n; i += blockDim.x)
        y[i] = x[i] > 0.0f ? sqrtf(x[i]) : -x[i];
}
