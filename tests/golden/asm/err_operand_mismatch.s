// BC5003 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    add.u32 R0, R1 // expected-error BC5003
    exit
.end
// CHECK: err_operand_mismatch.s:6:{{[0-9]+}}: error BC5003:
