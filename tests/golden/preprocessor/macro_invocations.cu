// Empty arguments, a function-like name not followed by '(' (also inside another macro), invocations spanning
// lines with comments, and '(' that arrives from a later part of the text.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define EMPTY
#define ARGS3(a, b, c) ((a + 0) + (b + 0) + (c + 0))
#define APPLY(f) f(7)
#define ID(x) x
__device__ int dbl(int v) { return 2 * v; }
#define dbl(x) (x + x)
#define FN dbl
__global__ void k(int* out)
{
    int v = ARGS3(,,) + ARGS3(1,,3);
    int w = APPLY(dbl) + FN EMPTY (2);
    out[0] = v + w + ID(
        1 /* a comment */ +
        // another
        2
    );
}
// CHECK: int v = ( ( + 0 ) + ( + 0 ) + ( + 0 ) ) + ( ( 1 + 0 ) + ( + 0 ) + ( 3 + 0 ) ) ;
// CHECK: int w = ( 7 + 7 ) + dbl ( 2 ) ;
// CHECK: out [ 0 ] = v + w + 1 + 2 ;
