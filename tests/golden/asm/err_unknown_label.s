// BC5007 at the offending line, with the file's own location in the diagnostic.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    bra nowhere // expected-error BC5007
    exit
.end
// CHECK: err_unknown_label.s:6:{{[0-9]+}}: error BC5007:
