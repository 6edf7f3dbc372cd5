// Before optimization locals live in allocas in an 'allocas' block; -O2's pipeline promotes them to SSA values.
// RUN: bytechipcc --dump-after=llvm -O2 %s | FileCheck
// RUN: bytechipcc --emit-llvm -O2 %s | FileCheck --check-prefix=OPT
// RUN: bytechipcc --emit-llvm -O0 %s | FileCheck --check-prefix=O0
__global__ void k(int* out, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += i;
    out[0] = s;
}
// CHECK: allocas:
// CHECK: %s = alloca i32, align 4
// OPT-NOT: = alloca
// OPT: phi i32
// O0: = alloca
