// BC0004: --arch names no target.
// RUN: not bytechipcc --arch n9 %s |& FileCheck
// RUN: not bytechipcc --arch N4x -fsyntax-only %s |& FileCheck --check-prefix=CASE
// CHECK: error BC0004: unknown target 'n9' (expected n4 or n5)
// CHECK-NOT: BC0001
// CASE: error BC0004: unknown target 'N4x'
__global__ void k(int* p) { p[0] = 1; }
