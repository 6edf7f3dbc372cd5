// C++20 __VA_OPT__: its content appears when the variable arguments (macro-replaced) have tokens.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define CALL(f, ...) f(0 __VA_OPT__(,) __VA_ARGS__)
__device__ int pick(int a) { return a; }
__device__ int pick(int a, int b) { return b; }
#define NOTHING
#define NAME(x, ...) #__VA_OPT__(x)
__global__ void k(int* out)
{
    out[0] = CALL(pick);
    out[1] = CALL(pick, 3);
    out[2] = CALL(pick, NOTHING);
    out[3] = sizeof(NAME(a)) + sizeof(NAME(a, 1));
}
// CHECK: out [ 0 ] = pick ( 0 ) ;
// CHECK: out [ 1 ] = pick ( 0 , 3 ) ;
// CHECK: out [ 2 ] = pick ( 0 ) ;
// CHECK: out [ 3 ] = sizeof ( "" ) + sizeof ( "a" ) ;
