// A header that includes itself without a guard: one BC1017 naming the cycle (no hang, no stack overflow); the
// include chain is cut after a few notes.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s |& FileCheck
#include "self_include.h"
__global__ void k(int* out) { out[0] = 1; }
// CHECK: self_include.h:2:2: error BC1017: #include nested too deeply (200 levels): 'self_include.h' includes itself without an include guard or '#pragma once'
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: self_include.h:2:10: note: in file included from here
// CHECK: include_self.cu:4:10: note: in file included from here (191 more levels of includes in between not shown)
// CHECK-NOT: error BC
