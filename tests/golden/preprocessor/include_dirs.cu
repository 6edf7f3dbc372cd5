// "..." includes search the including file's folder, then -I folders; a header includes relative to itself;
// include guards and #pragma once keep second inclusions out.
// RUN: bytechipcc -fsyntax-only -I %{inputs} %s
// RUN: bytechipcc --dump-after=tokens -I %{inputs} %s | FileCheck
#include "defs.h"
#include "sub/inner.h"
#include "guarded.h"
#include "defs.h"
__global__ void k(int* out) { out[0] = scaled(INNER) + GUARD_VALUE; }
// CHECK: __device__ inline int scaled ( int x ) { return x * 3 ; }
// CHECK: struct Guarded { int v ; } ;
// CHECK-NOT: struct Guarded
// CHECK-NOT: scaled ( int x )
// CHECK: out [ 0 ] = scaled ( ( 3 + 11 ) ) + 11 ;
