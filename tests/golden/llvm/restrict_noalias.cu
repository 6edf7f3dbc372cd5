// __restrict__ pointer parameters become noalias (as clang does), so loads can be reordered past stores.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(float* __restrict__ y, const float* __restrict__ x) { y[0] = x[0]; }
// CHECK: define void @_Z1kPfPKf(ptr noalias %y, ptr noalias %x)
