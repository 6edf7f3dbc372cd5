// samples/Scan/kernel.cu, all four launches of its host function over 1500 ints (3 chunks of 512): scan_blocks,
// scan_blocks over the chunk sums with block_sums = nullptr as in the sample, add_block_offsets, and
// warp_inclusive_scan. Exact.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Scan/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Scan/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Scan/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Scan/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: out: 1500 x i32 match
// CHECK: sums: 3 x i32 match
// CHECK: offsets: 3 x i32 match
// CHECK: inclusive: 1500 x i32 match
