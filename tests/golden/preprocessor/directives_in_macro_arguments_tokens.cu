// Conditionals (and #define) inside the arguments of a macro invocation are processed, as gcc and clang do.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define ID(x) x
__global__ void k(int* out)
{
    out[0] = ID(
#ifdef NOT_DEFINED
        1
#else
        2
#endif
    );
}
// CHECK: out [ 0 ] = 2 ;
