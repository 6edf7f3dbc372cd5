// samples/Stencil/kernel.cu: stencil_1d over 1000 floats (4 blocks, the last partial), the __constant__ weights
// written before the launch ("constants", as cudaMemcpyToSymbol). Bounds per element: gamma_9 * sum|w*x|.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Stencil/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: out: 1000 x f32 match
