// samples/Histogram/kernel.cu: histogram256 of 5000 skewed bytes, 4 blocks of 256 (privatized shared bins,
// shared and global atomics). Exact.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Histogram/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Histogram/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Histogram/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Histogram/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: bins: 256 x u32 match
