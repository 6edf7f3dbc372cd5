// Calls: argument count and types, overloads, host functions, kernels, printf (BC3005, BC3006, BC3007, BC3010, BC3018, BC3049).
#include <stdio.h>

void hostOnly(int x) {}
__device__ float scale(float v, float s) { return v * s; }
__device__ int pick(int a, float b) { return a; }
__device__ int pick(float a, int b) { return b; }
__device__ void takesPointer(int* p) { p[0] = 0; }
__global__ void otherKernel(int* p) { p[0] = 1; }

__global__ void calls(float* out, int* ip)
{
    out[0] = scale(1.0f); // expected-error BC3005 {{too few arguments to function call, expected 2, have 1}}
    out[1] = scale(1.0f, 2.0f, 3.0f); // expected-error BC3005 {{too many arguments to function call, expected 2, have 3}}
    takesPointer(out); // expected-error BC3003 {{cannot convert argument 1 of 'takesPointer' from 'float *' to 'int *'}}
    out[2] = pick(1, 2); // expected-error BC3007 {{call to 'pick' is ambiguous}}
    out[3] = max(out, 2); // expected-error BC3006 {{no matching function for call to 'max'}}
    hostOnly(1); // expected-error BC3010 {{calling a __host__ function ('hostOnly') from a __global__ function is not allowed}}
    otherKernel(ip); // expected-error BC3049 {{a __global__ function ('otherKernel') cannot be called from device code}}
    printf("%d\n", 1); // expected-error BC3018 {{device-side printf is not supported on ByteChip yet}}
    __syncthreads(1); // expected-error BC3005 {{too many arguments to function call, expected 0, have 1}}
    float r = atomicAdd(out, 1);
    out[4] = r;
}
