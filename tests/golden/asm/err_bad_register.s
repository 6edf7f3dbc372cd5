// BC5004 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    mov.b32 R0, R300 // expected-error BC5004
    exit
.end
// CHECK: err_bad_register.s:6:{{[0-9]+}}: error BC5004:
