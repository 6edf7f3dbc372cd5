// Math library functions whose accuracy is an absolute bound (compiler/docs/backend.md, the ISA reference):
// sinf and cosf (2^-21 for |x| <= 100 pi), logf on [0.5, 2] (2^-22), tanhf (through expf), erff (1.5e-7).
// References: System.Math in double; the bound adds the rounding of the result to float: abs=6e-7.
// TOLERANCE: abs=6e-7
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 2560 x f32 match

__global__ void math_abs(const float* x, const float* y, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    float a = x[i];
    out[5 * i + 0] = sinf(a);
    out[5 * i + 1] = cosf(a);
    out[5 * i + 2] = logf(y[i]);
    out[5 * i + 3] = tanhf(a * 0.5f);
    out[5 * i + 4] = erff(a * 0.3f);
}
