// Variadic macros: __VA_ARGS__ takes the remaining arguments, commas included.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define CALL(f, ...) f(__VA_ARGS__)
__device__ int add3(int a, int b, int c) { return a + b + c; }
__global__ void k(int* out) { out[0] = CALL(add3, 1, 2, 3); }
// CHECK: out [ 0 ] = add3 ( 1 , 2 , 3 ) ;
