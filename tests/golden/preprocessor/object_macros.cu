// Object-like macros expand, nested, after #undef and redefinition to the same body.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define N 16
#define TWICE_N (N * 2)
#define EMPTY
__global__ void k(int* out) { out[0] = TWICE_N EMPTY; }
#undef N
#define N 7
__global__ void m(int* out) { out[0] = N; }
// CHECK: out [ 0 ] = ( 16 * 2 ) ;
// CHECK: out [ 0 ] = 7 ;
// CHECK-NOT: TWICE_N
