// a * x[i] + y[i] becomes one fma.f32 at -O2 (contract is on by default) and at -O0.
// RUN: bytechipcc -S -O2 %s | FileCheck
// RUN: bytechipcc -S -O0 %s | FileCheck --check-prefix=O0

__global__ void saxpy(float a, const float* x, float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        y[i] = a * x[i] + y[i];
}

// CHECK-LABEL: .kernel saxpy
// CHECK: setp.lt.s32 [[P:P[0-9]]], R{{[0-9]+}}, R{{[0-9]+}}
// CHECK-NEXT: @![[P]] bra
// CHECK-NOT: mul.f32
// CHECK: fma.f32
// CHECK: st.global.b32
// CHECK: exit
// CHECK-NEXT: .end
// O0: fma.f32
