// samples/Reduction/kernel.cu: reduce_sum<256> twice, as the sample launches it (4 blocks over 5000 floats,
// then one block over the 4 partial sums). Bounds per element: the float32 summation bound gamma_m * sum|x|.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Reduction/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Reduction/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Reduction/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Reduction/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: partial: 4 x f32 match
// CHECK: result: 1 x f32 match
