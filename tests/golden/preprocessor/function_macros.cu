// Function-like macros: arguments are expanded, parenthesized bodies stay, a name without '(' is not a call.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define SQUARE_IS_NOT_CALLED SQUARE
__global__ void k(int* out, int v)
{
    out[0] = SQUARE(v + 1);
    out[1] = MAX(SQUARE(2), v);
    int SQUARE = 3;
    out[2] = SQUARE;
}
// CHECK: out [ 0 ] = ( ( v + 1 ) * ( v + 1 ) ) ;
// CHECK: out [ 1 ] = ( ( ( ( 2 ) * ( 2 ) ) ) > ( v ) ? ( ( ( 2 ) * ( 2 ) ) ) : ( v ) ) ;
// CHECK: int SQUARE = 3 ;
