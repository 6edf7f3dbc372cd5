// samples/Softmax/kernel.cu: softmax_rows<128> over 8 rows of 200 (rows 0 and 4 shifted by +100). Bounds per
// element: the sample's relative rule u*(|x-max| + max|x-max| + 16) + gamma_cols.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Softmax/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Softmax/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Softmax/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Softmax/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: out: 1600 x f32 match
