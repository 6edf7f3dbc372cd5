// An early return in a kernel becomes a guarded exit; the listing shows source lines as comments.
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        return;
    out[i] = i;
}
// CHECK: .kernel k mangled _Z1kPii
// CHECK: // {{.*}}early_exit.cu:6: if (i >= n)
// CHECK: exit
