// samples/VectorAdd/kernel.cu, both kernels: one thread per element (4 blocks, the last partial) and a
// grid-stride loop (2 blocks of 256 over 1000 elements). A float32 addition is exact: bit-for-bit.
// RUN: bytechipcc -O0 --arch n4 %{samples}/VectorAdd/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/VectorAdd/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/VectorAdd/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/VectorAdd/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: c: 1000 x f32 match
// CHECK: c2: 1000 x f32 match
