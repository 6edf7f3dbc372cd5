// samples/SpMV/kernel.cu, both kernels on a 100 x 80 CSR matrix with 0..64 nonzeros per row (some rows empty, some
// longer than a warp): one thread per row (1 block of 128) and one warp per row (25 blocks of 128). Bounds per
// element: gamma_m * sum|a*x| for the row's m terms (empty rows exactly 0).
// RUN: bytechipcc -O0 --arch n4 %{samples}/SpMV/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/SpMV/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/SpMV/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/SpMV/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: y_scalar: 100 x f32 match
// CHECK: y_vector: 100 x f32 match
