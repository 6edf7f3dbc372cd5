// enum constants, typedef'd unions and anonymous enums.
// RUN: bytechipcc --dump-after=sema %s | FileCheck
enum Mode { Copy = 1, Scale = 4 };
typedef union { float f; unsigned u; } Bits;
__global__ void k(unsigned* out, float* in)
{
    Bits b;
    b.f = in[0];
    out[0] = b.u + Scale;
}
// CHECK: union <anonymous@4:9> size=4 align=4
// CHECK-NEXT: field f: float offset=0
// CHECK-NEXT: field u: unsigned int offset=0
// CHECK: BoundConstant {{.*}} Type='enum Mode' Value=4 Symbol=Scale
