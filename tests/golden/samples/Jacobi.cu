// samples/Stencil/kernel.cu: jacobi_2d, two sweeps (a -> b, b -> a) on a 40 x 20 grid (3x2 tiles of 16, partial on
// both axes), blocks of 16x16; the sample's grid and float reference (same operation order): exact.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: a: 800 x f32 match
