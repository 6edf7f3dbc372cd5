// BC0006: the command line cannot be parsed (an unknown option, before or after the input file).
// RUN: not bytechipcc %s --bogus-flag |& FileCheck
// RUN: not bytechipcc %s -O2 --no-such-option -S |& FileCheck --check-prefix=MID
// RUN: not bytechipcc --bogus-flag %s |& FileCheck --check-prefix=BEFORE
// RUN: not bytechipcc %s --resource-usag |& FileCheck --check-prefix=NEAR
// CHECK: bytechipcc: error BC0006: unknown argument: '--bogus-flag'
// CHECK-NOT: BC0001
// MID: bytechipcc: error BC0006: unknown argument: '--no-such-option'
// BEFORE: bytechipcc: error BC0006: unknown argument: '--bogus-flag'
// BEFORE-NOT: kernel.cu
// NEAR: bytechipcc: error BC0006: unknown argument: '--resource-usag'; did you mean '--resource-usage'?
__global__ void k(int* p) { p[0] = 1; }
