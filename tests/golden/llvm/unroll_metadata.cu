// #pragma unroll → llvm.loop.unroll.full, #pragma unroll N → unroll.count N, #pragma unroll 1 → unroll.disable.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(float* out, int n)
{
#pragma unroll
    for (int i = 0; i < 4; i++)
        out[i] = 0.0f;
#pragma unroll 4
    for (int i = 0; i < n; i++)
        out[i] += 1.0f;
#pragma unroll 1
    for (int i = 0; i < n; i++)
        out[i] *= 2.0f;
}
// CHECK: br label %{{[a-z.0-9]+}}, !dbg !{{[0-9]+}}, !llvm.loop ![[FULL:[0-9]+]]
// CHECK: br label %{{[a-z.0-9]+}}, !dbg !{{[0-9]+}}, !llvm.loop ![[COUNT:[0-9]+]]
// CHECK: br label %{{[a-z.0-9]+}}, !dbg !{{[0-9]+}}, !llvm.loop ![[OFF:[0-9]+]]
// CHECK-DAG: ![[FULL]] = distinct !{![[FULL]], ![[FULLMD:[0-9]+]]}
// CHECK-DAG: ![[FULLMD]] = !{!"llvm.loop.unroll.full"}
// CHECK-DAG: ![[COUNT]] = distinct !{![[COUNT]], ![[COUNTMD:[0-9]+]]}
// CHECK-DAG: ![[COUNTMD]] = !{!"llvm.loop.unroll.count", i32 4}
// CHECK-DAG: ![[OFF]] = distinct !{![[OFF]], ![[OFFMD:[0-9]+]]}
// CHECK-DAG: ![[OFFMD]] = !{!"llvm.loop.unroll.disable"}
