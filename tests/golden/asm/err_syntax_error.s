// BC5001 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    @P0x nop // expected-error BC5001
    exit
.end
// CHECK: err_syntax_error.s:6:{{[0-9]+}}: error BC5001:
