// __LINE__, __FILE__, __CUDACC__ and __CUDA_ARCH__-style target macros are predefined.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
__global__ void k(int* out)
{
    out[0] = __LINE__;
#ifdef __CUDACC__
    out[1] = 1;
#endif
}
// CHECK: out [ 0 ] = 5 ;
// CHECK: out [ 1 ] = 1 ;
