// Value template arguments written without parentheses: the first '>' outside brackets ends the list, as in C++.
// RUN: bytechipcc -S -o - %s | FileCheck
template <bool Wide, int Shift>
__device__ int shifted(int x) { return Wide ? x << Shift : x >> Shift; }
template <int N>
__device__ int id() { return N; }

__global__ void k(int* out)
{
    out[0] = shifted<4 == 4, 1 + 1>(out[1]) + shifted<3 < 2, 2 * 2 - 1>(out[2]) + id<1 << 3>() + id<(9 > 8)>();
}
// CHECK: .kernel k
