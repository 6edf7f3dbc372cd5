// Vector types: float4 and int2 loads and stores (one 16- or 8-byte element per thread), __ldg of a float4,
// make_float4/make_int4/make_float3, component access and a double2. Inputs are multiples of 1/4 below 64 in
// magnitude, so every sum and product is exact whether or not it is contracted into an fma: compared exactly.
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck
// CHECK: out: 2400 x f32 match
// CHECK: iout: 2400 x i32 match
// CHECK: dots: 600 x f32 match
// CHECK: dout: 1200 x f64 match

__global__ void vectors(const float4* in, const int2* pairs, float4* out, int4* iout, float* dots, double2* dout, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    float4 a = in[i];
    float4 b = __ldg(&in[(i + 1) % n]);
    out[i] = make_float4(a.x + b.w, a.y * 2.0f, a.z - b.x, a.w);
    int2 p = pairs[i];
    iout[i] = make_int4(p.x + p.y, p.x - p.y, p.x * 3, p.y >> 1);
    float3 c = make_float3(a.x, a.y, a.z);
    dots[i] = c.x * c.x + c.y * c.y + c.z * c.z;
    double2 d;
    d.x = (double)a.x * b.y;
    d.y = (double)p.x + (double)a.w;
    dout[i] = d;
}
