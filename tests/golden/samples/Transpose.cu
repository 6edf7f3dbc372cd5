// samples/Transpose/kernel.cu, both kernels on a 72 x 40 matrix (3x2 tiles of 32, partial at the edges),
// blocks of 32x8. Every value distinct and non-zero; exact.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Transpose/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Transpose/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Transpose/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Transpose/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: naive: 2880 x f32 match
// CHECK: tiled: 2880 x f32 match
