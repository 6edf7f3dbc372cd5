// BC0006: the command line cannot be parsed (an unknown option after the input file).
// RUN: not bytechipcc %s --bogus-flag |& FileCheck
// RUN: not bytechipcc %s -O2 --no-such-option -S |& FileCheck --check-prefix=MID
// CHECK: bytechipcc: error BC0006: Unrecognized command or argument '--bogus-flag'.
// CHECK-NOT: BC0001
// MID: bytechipcc: error BC0006: Unrecognized command or argument '--no-such-option'.
__global__ void k(int* p) { p[0] = 1; }
