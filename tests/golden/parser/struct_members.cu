// Structs with fields, a constructor with an initializer list, a const member operator, and __align__.
// RUN: bytechipcc --dump-after=sema %s | FileCheck
struct __align__(16) Vec {
    float x, y;
    __device__ Vec(float a, float b) : x(a), y(b) {}
    __device__ Vec operator+(const Vec& o) const { return Vec(x + o.x, y + o.y); }
};
__global__ void k(Vec* v) { v[0] = v[1] + v[2]; }
// CHECK: struct Vec size=16 align=16
// CHECK-NEXT: field x: float offset=0
// CHECK-NEXT: field y: float offset=4
// CHECK: function __device__ Vec::operator+: struct Vec (const struct Vec &)
