// #if / #elif / #else with defined(), arithmetic and nesting; only the taken branches reach the parser.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
// RUN: bytechipcc --dump-after=tokens -DLEVEL=2 %s | FileCheck --check-prefix=L2
// RUN: bytechipcc --dump-after=tokens -DLEVEL=5 -DEXTRA %s | FileCheck --check-prefix=L5
#ifndef LEVEL
#define LEVEL 0
#endif
__global__ void k(int* out)
{
#if LEVEL == 0
    out[0] = 100;
#elif LEVEL > 1 && LEVEL < 4
    out[0] = 200;
#else
    out[0] = 300;
#  ifdef EXTRA
    out[1] = 301;
#  endif
#endif
#if defined(EXTRA) || (1 << 3) != 8
    out[2] = 400;
#endif
}
// CHECK: out [ 0 ] = 100 ;
// CHECK-NOT: 200
// CHECK-NOT: 400
// L2: out [ 0 ] = 200 ;
// L2-NOT: 301
// L5: out [ 0 ] = 300 ; out [ 1 ] = 301 ; out [ 2 ] = 400 ;
