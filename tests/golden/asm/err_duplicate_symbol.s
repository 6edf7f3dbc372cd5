// BC5015: a parameter and a .const/.global symbol defined twice (a kernel defined twice: err_duplicate_kernel.s).
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.const table 8 4
.global table 4 4 // expected-error BC5015
.global counter 4 4
.const counter 4 4 // expected-error BC5015
.kernel k
    .param a 8 8
    .param a 4 4 // expected-error BC5015
    exit
.end
// CHECK: err_duplicate_symbol.s:6:{{[0-9]+}}: error BC5015: symbol 'table' is defined twice
// CHECK: err_duplicate_symbol.s:8:{{[0-9]+}}: error BC5015: symbol 'counter' is defined twice
// CHECK: err_duplicate_symbol.s:11:{{[0-9]+}}: error BC5015: parameter 'a' is declared twice
