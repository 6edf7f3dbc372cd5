// BC4012 (parameter space over the limit) is reported at the kernel's declaration and names it by its source name.
// RUN: not bytechipcc %s | verify
struct Big { float v[2000]; };
__global__ void k(Big b, float* out) { out[threadIdx.x] = b.v[threadIdx.x]; } // expected-error BC4012 {{kernel 'k' has 8008 bytes of parameters}}
