// samples/NBody/kernel.cu, both kernels in sequence: nbody_accelerations<64> for 100 float4 bodies (2 blocks,
// the last tile partial), then integrate one step with dt = 0.01 from those accelerations. Bounds per element:
// gamma_(N+32) * sum|m r/|r|^3| for the accelerations, the sample's 2u rule plus the carried acceleration bound after the step.
// RUN: bytechipcc -O0 --arch n4 %{samples}/NBody/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/NBody/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/NBody/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/NBody/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: pos: 400 x f32 match
// CHECK: vel: 400 x f32 match
// CHECK: acc: 400 x f32 match
