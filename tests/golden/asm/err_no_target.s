// BC5014: no .target and no --arch; with --arch n5 the same file assembles.
// RUN: not bcas %s | verify
// RUN: bcas --arch n5 %s | bcobjdump -f | FileCheck
.kernel k // expected-error@* BC5014
    exit
.end
// CHECK: target n5
