// samples/BitonicSort/kernel.cu, all three kernels: 'tiles' after bitonic_sort_shared<1024> alone, 'keys' after
// the whole network for 2048 keys (3 launches: tiles, then a global and a shared merge step for runs of 2048). Exact.
// RUN: bytechipcc -O0 --arch n4 %{samples}/BitonicSort/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/BitonicSort/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/BitonicSort/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/BitonicSort/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: keys: 2048 x u32 match
// CHECK: tiles: 2048 x u32 match
