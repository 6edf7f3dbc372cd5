// Fast math intrinsics (and rsqrtf) map to the approximation instructions; sqrtf to the correctly rounded sqrt.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(float* o)
{
    o[0] = sqrtf(o[1]);
    o[2] = rsqrtf(o[3]);
    o[4] = __sinf(o[5]) + __cosf(o[6]);
    o[7] = __expf(o[8]);
    o[9] = floorf(o[10]);
}
// CHECK-DAG: sqrt.f32
// CHECK-DAG: rsqrt.approx.f32
// CHECK-DAG: sin.approx.f32
// CHECK-DAG: cos.approx.f32
// CHECK-DAG: ex2.approx
// CHECK-DAG: rndi.rmi.f32
