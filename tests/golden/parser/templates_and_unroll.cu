// A function template with a type and a value parameter, #pragma unroll attached to its loop, and an explicit instantiation call.
// RUN: bytechipcc --dump-after=ast %s | FileCheck
template <typename T, int N>
__device__ T sum(const T* v)
{
    T s = 0;
#pragma unroll
    for (int i = 0; i < N; ++i)
        s += v[i];
    return s;
}
__global__ void k(float* out) { out[0] = sum<float, 4>(out); }
// CHECK: TemplateDeclaration @3:1
// CHECK-NEXT: Parameters: TemplateParameter @3:11 Name="T"
// CHECK-NEXT: Parameters: TemplateParameter @3:23 Name="N"
// CHECK: ForStatement @8:5
// CHECK: Unroll: UnrollHint @7:1
// CHECK-LABEL: Name="k"
// CHECK: Name="sum"
