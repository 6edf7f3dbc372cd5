// int ↔ float conversions with their rounding modifiers; float → int truncates (rzi); __float2int_rn is one
// conversion rounding to nearest (cvt.rni), not a rounding followed by a conversion.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* i, float* f, double* d)
{
    f[0] = (float)i[0];
    i[1] = (int)f[1];
    d[0] = (double)f[2];
    f[3] = (float)d[1];
    i[2] = __float2int_rn(f[4]);
}
// CHECK-DAG: cvt.rn.f32.s32
// CHECK-DAG: cvt.rzi.s32.f32
// CHECK-DAG: cvt.rn.f64.f32
// CHECK-DAG: cvt.rn.f32.f64
// CHECK-DAG: cvt.rni.s32.f32
// CHECK-NOT: rndi
