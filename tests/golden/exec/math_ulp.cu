// Math library functions with an accuracy stated in ulp (compiler/docs/backend.md): expf and exp2f (about 2 ulp),
// sqrtf (correctly rounded), rsqrtf (1 ulp), logf and log2f away from 1 (2 ulp); double exp, log, sin, cos and pow
// (1 ulp measured). The references are System.Math in double (rounded to float for the float functions), so the
// bound is the documented 2 ulp (measured: at most 1 ulp from these references).
// TOLERANCE: ulp=2
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: fout: 3072 x f32 match
// CHECK: dout: 2560 x f64 match

__global__ void math_ulp(const float* x, const float* y, const double* dx, const double* dy, float* fout, double* dout, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    float a = x[i];
    float b = y[i];
    fout[6 * i + 0] = expf(a);
    fout[6 * i + 1] = exp2f(a);
    fout[6 * i + 2] = sqrtf(b);
    fout[6 * i + 3] = rsqrtf(b);
    fout[6 * i + 4] = logf(b);
    fout[6 * i + 5] = log2f(b);
    double c = dx[i];
    double d = dy[i];
    dout[5 * i + 0] = exp(c);
    dout[5 * i + 1] = log(d);
    dout[5 * i + 2] = sin(c);
    dout[5 * i + 3] = cos(c);
    dout[5 * i + 4] = pow(d, c / 8.0);
}
