// BC5002 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    frobnicate R0, R1 // expected-error BC5002
    exit
.end
// CHECK: err_unknown_instruction.s:6:{{[0-9]+}}: error BC5002:
