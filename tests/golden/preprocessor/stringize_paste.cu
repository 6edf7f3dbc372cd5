// '#' makes a string literal from an argument; '##' pastes tokens into a new identifier.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define STR(x) #x
#define CAT(a, b) a##b
#define MAKE_NAME(n) value_##n
__device__ int value_3 = 3;
__global__ void k(int* out)
{
    const char* s = STR(hello world);
    out[0] = MAKE_NAME(3) + CAT(1, 2);
}
// CHECK: const char * s = "hello world" ;
// CHECK: out [ 0 ] = value_3 + 12 ;
