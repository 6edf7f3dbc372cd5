// BC5005 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    add.u64 R1, R2, R4 // expected-error BC5005
    exit
.end
// CHECK: err_misaligned_pair.s:6:{{[0-9]+}}: error BC5005:
