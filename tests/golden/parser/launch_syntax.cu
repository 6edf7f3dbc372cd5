// Host code with <<<grid, block, shared>>> launches is parsed; the kernel is compiled, the host code ignored.
// RUN: bytechipcc -fsyntax-only %s
// RUN: bytechipcc -S %s | FileCheck
__global__ void fill(int* p, int v) { p[threadIdx.x] = v; }
void host(int* p) { fill<<<1, 32, 0>>>(p, 7); }
// CHECK: .kernel fill
// CHECK-NOT: .kernel host
