// samples/BlackScholes/kernel.cu: 500 options over 2 blocks of 128 (the grid-stride loop runs twice), r = 0.02,
// v = 0.3. Bounds per element: the sample's rule 1e-6 * (S + X) + 1e-6 against its double reference.
// RUN: bytechipcc -O0 --arch n4 %{samples}/BlackScholes/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/BlackScholes/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/BlackScholes/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/BlackScholes/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: call: 500 x f32 match
// CHECK: put: 500 x f32 match
