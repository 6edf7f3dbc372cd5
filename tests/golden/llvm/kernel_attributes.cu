// Kernels carry bytechip-kernel, their source name and __launch_bounds__; device functions are internal and
// inlined at -O2; template instances get their C++ mangled names.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
// RUN: bytechipcc --emit-llvm -O2 %s | FileCheck --check-prefix=OPT
__device__ float twice(float x) { return 2.0f * x; }
template <int N>
__global__ void __launch_bounds__(128) scale(float* p) { p[threadIdx.x] = twice(p[threadIdx.x]) * N; }
void host(float* p) { scale<3><<<1, 128>>>(p); }
// CHECK: define internal float @{{.*}}twice{{.*}}(float %x)
// CHECK: define void @_Z5scaleILi3EEvPf(ptr %p) #[[K:[0-9]+]]
// CHECK: call float @{{.*}}twice
// CHECK: attributes #[[K]] = { "bytechip-kernel" "bytechip-max-threads"="128" "bytechip-source-name"="scale<3>"
// OPT-NOT: call float
// OPT: fmul contract float {{.*}}3.000000e+00
