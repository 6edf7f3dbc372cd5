// BC1001 in a nested header: the error is at the header's line and the notes give the include chain, innermost
// first, as clang's "In file included from" lines.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s |& FileCheck
#include "chain_outer.h"
__global__ void k(int* out) { out[0] = CHAIN_INNER; }
// CHECK: chain_inner.h:3:10: error BC1001: 'chain_missing.h' file not found
// CHECK: chain_outer.h:2:10: note: in file included from here
// CHECK: include_chain.cu:4:10: note: in file included from here
// CHECK-NOT: error BC
