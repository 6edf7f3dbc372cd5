// BC4010: --maxrregcount 4 leaves too few registers even with spilling for the high-pressure kernel of
// regalloc/spill_maxrregcount.cu (which spills fine with 16), reported at the kernel's declaration.
// RUN: not bytechipcc -O2 --maxrregcount 4 %S/../regalloc/spill_maxrregcount.cu |& FileCheck
// RUN: not bytechipcc -O0 --maxrregcount 4 --arch n5 %S/../regalloc/spill_maxrregcount.cu |& FileCheck
// CHECK: regalloc/spill_maxrregcount.cu:14:1: error BC4010: {{.*}}kernel 'pressure' may use (4)
