// BC5015: a kernel defined twice, reported at the second kernel's name.
// (Only FileCheck: the rejected .kernel opens no block, so its body also reports BC5012/BC5011.)
// RUN: not bcas %s |& FileCheck
.target n4
.kernel k
    exit
.end
.kernel k
    exit
.end
// CHECK: err_duplicate_kernel.s:8:9: error BC5015: kernel 'k' is defined twice
