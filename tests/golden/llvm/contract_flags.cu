// Float arithmetic carries 'contract' (CUDA's default -fmad=true) so the backend may form fma; integer ops do not.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(float* y, const float* x, float a, int* n)
{
    y[0] = a * x[0] + y[1];
    n[0] = n[1] * n[2] + 3;
}
// CHECK: define void @_Z1kPfPKffPi(
// CHECK: fmul contract float
// CHECK: fadd contract float
// CHECK: mul i32
// CHECK-NOT: contract i32
