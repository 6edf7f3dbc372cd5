// BC5017: a kernel uses more registers than its .registers declares, or declares more than the target has (n5: 128).
// The error is reported at the .kernel line.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n5
.kernel under // expected-error BC5017
    .registers 4
    mov.b32 R4, 1
    exit
.end
.kernel pair // expected-error BC5017
    .registers 6
    add.u64 R6, R0, R2
    exit
.end
.kernel over // expected-error BC5017
    .registers 200
    exit
.end
.kernel fits
    .registers 5
    mov.b32 R4, 1
    exit
.end
// CHECK: err_register_limit.s:6:1: error BC5017: kernel 'under' uses 5 registers but declares '.registers 4'
// CHECK: err_register_limit.s:11:1: error BC5017: kernel 'pair' uses 8 registers but declares '.registers 6'
// CHECK: err_register_limit.s:16:1: error BC5017: kernel 'over' needs 200 registers; target n5 has 128 per thread
// CHECK-NOT: 'fits'
