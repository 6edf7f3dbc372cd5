// '#pragma unroll BLOCK' in a template: each instance's loop carries its own count (BLOCK, BLOCK / 2 through a
// constexpr) as llvm.loop.unroll.count metadata.
// RUN: bytechipcc --emit-llvm -O0 %s | FileCheck
template <int BLOCK>
__global__ void sums(const int* in, int* out)
{
    constexpr int HALF = BLOCK / 2;
    int s = 0;
#pragma unroll BLOCK
    for (int k = 0; k < BLOCK; k++)
        s += in[k];
#pragma unroll HALF
    for (int k = 0; k < BLOCK; k++)
        s -= in[k + 1];
    out[0] = s;
}

void launch(const int* in, int* out)
{
    sums<4><<<1, 32>>>(in, out);
    sums<16><<<1, 32>>>(in, out);
}
// CHECK-LABEL: define void @_Z4sumsILi4EEvPKiPi(
// CHECK: br label {{.*}}!llvm.loop [[A:![0-9]+]]
// CHECK: br label {{.*}}!llvm.loop [[B:![0-9]+]]
// CHECK-LABEL: define void @_Z4sumsILi16EEvPKiPi(
// CHECK: br label {{.*}}!llvm.loop [[C:![0-9]+]]
// CHECK: br label {{.*}}!llvm.loop [[D:![0-9]+]]
// CHECK-DAG: [[A]] = distinct !{[[A]], [[A4:![0-9]+]]}
// CHECK-DAG: [[A4]] = !{!"llvm.loop.unroll.count", i32 4}
// CHECK-DAG: [[B]] = distinct !{[[B]], [[B2:![0-9]+]]}
// CHECK-DAG: [[B2]] = !{!"llvm.loop.unroll.count", i32 2}
// CHECK-DAG: [[C]] = distinct !{[[C]], [[C16:![0-9]+]]}
// CHECK-DAG: [[C16]] = !{!"llvm.loop.unroll.count", i32 16}
// CHECK-DAG: [[D]] = distinct !{[[D]], [[D8:![0-9]+]]}
// CHECK-DAG: [[D8]] = !{!"llvm.loop.unroll.count", i32 8}
