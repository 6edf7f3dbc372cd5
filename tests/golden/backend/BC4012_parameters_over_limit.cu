// BC4012: a kernel whose parameters exceed the target's 4 KiB parameter space. The location is matched loosely:
// BC4012_location.cu records that it is missing.
// RUN: not bytechipcc %s |& FileCheck
// CHECK: backend/BC4012_parameters_over_limit.cu:{{[0-9]+}}:{{[0-9]+}}: error BC4012: kernel '_Z1k3BigPf' has 8008 bytes of parameters; target n4 allows 4096
struct Big { float v[2000]; };
__global__ void k(Big b, float* out) { out[threadIdx.x] = b.v[threadIdx.x]; }
