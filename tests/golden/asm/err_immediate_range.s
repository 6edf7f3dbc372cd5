// BC5006 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    shl.b32 R0, R1, 0x1ffffffff // expected-error BC5006
    exit
.end
// CHECK: err_immediate_range.s:6:{{[0-9]+}}: error BC5006:
