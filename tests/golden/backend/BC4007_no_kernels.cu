// BC4007: a translation unit without __global__ functions has nothing to put in a .bcbin (a module-level error:
// no line). -fsyntax-only accepts it.
// RUN: not bytechipcc %s |& FileCheck
// RUN: bytechipcc -fsyntax-only %s
// CHECK: backend/BC4007_no_kernels.cu:0:0: error BC4007: the module defines no kernels (__global__ functions)
__device__ int twice(int x) { return 2 * x; }
