// BC4012: a kernel whose parameters exceed the target's 4 KiB parameter space, reported at its declaration.
// RUN: not bytechipcc %s |& FileCheck
// CHECK: backend/BC4012_parameters_over_limit.cu:[[@LINE+2]]:1: error BC4012: kernel 'k' has 8008 bytes of parameters; target n4 allows 4096
struct Big { float v[2000]; };
__global__ void k(Big b, float* out) { out[threadIdx.x] = b.v[threadIdx.x]; }
