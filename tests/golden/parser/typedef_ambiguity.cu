// C's typedef ambiguity: 'T * x;' declares a pointer when T is a type name and multiplies when it is a variable.
// RUN: bytechipcc --dump-after=ast %s | FileCheck
typedef float T;
__global__ void k(float* out, int U)
{
    T * x = out;
    int V = 2;
    V * U;
    out[0] = *x;
}
// CHECK: DeclarationStatement @6:5
// CHECK: PointerDeclarator
// CHECK: ExpressionStatement @8:5
// CHECK-NEXT: Expression: BinaryExpression {{.*}} Operator="*"
