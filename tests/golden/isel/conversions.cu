// int ↔ float conversions with their rounding modifiers; float → int truncates (rzi); __float2int_rn rounds
// to an integral value first (rndi.rni) and then converts.
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
// CHECK: rndi.rni.f32 [[R:R[0-9]+]], [[R]]
// CHECK-NEXT: cvt.rzi.s32.f32 R{{[0-9]+}}, [[R]]
