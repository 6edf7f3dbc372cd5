// BC5009 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    s2r R0, %tid.w // expected-error BC5009
    exit
.end
// CHECK: err_unknown_special.s:6:{{[0-9]+}}: error BC5009:
