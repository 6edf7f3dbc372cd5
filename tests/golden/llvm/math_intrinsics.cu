// Math functions map to LLVM intrinsics the backend selects (sqrt, fabs, minnum, fma, floor; exp2 for the fast __exp10f).
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(float* o)
{
    o[0] = sqrtf(o[1]) + fabsf(o[2]) + fminf(o[3], o[4]) + fmaf(o[5], o[6], o[7]) + floorf(o[8]) + __exp10f(o[9]);
}
// CHECK-DAG: call float @llvm.sqrt.f32(
// CHECK-DAG: call float @llvm.fabs.f32(
// CHECK-DAG: call float @llvm.minnum.f32(
// CHECK-DAG: call float @llvm.fma.f32(
// CHECK-DAG: call float @llvm.floor.f32(
// CHECK-DAG: call float @llvm.exp2.f32(
