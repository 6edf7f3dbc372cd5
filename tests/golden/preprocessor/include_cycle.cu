// BC1017: headers that include each other without guards.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s |& FileCheck
#include "cycle_a.h"
__global__ void k(int* out) { out[0] = 1; }
// CHECK: error BC1017
// CHECK-NOT: error BC1017
