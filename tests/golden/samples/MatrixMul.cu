// samples/MatrixMul/kernel.cu: matmul_tiled<16>, 20x36 * 36x24 (no side a multiple of the tile), a 2x2 grid
// of 16x16 blocks. Bounds per element: the float32 dot-product bound gamma_K * sum|a*b|.
// RUN: bytechipcc -O0 --arch n4 %{samples}/MatrixMul/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/MatrixMul/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/MatrixMul/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/MatrixMul/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: c: 480 x f32 match
