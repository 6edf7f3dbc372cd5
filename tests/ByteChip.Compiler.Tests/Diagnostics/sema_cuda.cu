// CUDA rules: __shared__ initializers, builtin addresses, kernel return type, storage classes, dynamic shared.
__shared__ float tileWithInit[4] = { 1.0f, 2.0f, 3.0f, 4.0f }; // expected-error BC3011 {{initialization is not supported for __shared__ variables}}
extern __shared__ float notAnArray; // expected-error BC3052 {{extern __shared__ variable must be an array without a size}}
__device__ float deviceValue = 1.0f;
__device__ float* badInit = &deviceValue + 0 * (int)deviceValue; // expected-error BC3053 {{dynamic initialization is not supported}}

__global__ int returnsInt(int* p) { return p[0]; } // expected-error BC3024 {{kernel function 'returnsInt' must have void return type}}

__global__ void cuda(unsigned int* out)
{
    const uint3* t = &threadIdx; // expected-error BC3013 {{cannot take the address of built-in variable 'threadIdx'}}
    __constant__ int localConst; // expected-error BC3039 {{__constant__ variables must be declared at file scope}}
    out[0] = t->x;
}
