// A branch on kernel parameters is uniform (bra.uni); a branch on threadIdx may diverge (plain bra).
// RUN: bytechipcc -S -O2 %s | FileCheck
__global__ void k(int* out, int n, int m)
{
    if (n > m)
        out[0] = n;
    if (threadIdx.x < n)
        out[threadIdx.x] = 1;
}
// CHECK: setp.{{[a-z]+}}.s32 [[P1:P[0-6]]], R{{[0-9]+}}, R{{[0-9]+}}
// CHECK-NEXT: @{{!?}}[[P1]] bra.uni
// CHECK: s2r R{{[0-9]+}}, %tid.x
// CHECK: setp.{{[a-z]+}}.{{[su]}}32 [[P2:P[0-6]]]
// CHECK-NEXT: @{{!?}}[[P2]] bra {{\.L}}
