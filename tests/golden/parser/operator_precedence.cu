// Precedence and associativity: * binds tighter than +, shifts below +, ?: and = associate right.
// RUN: bytechipcc --dump-after=ast %s | FileCheck
__global__ void k(int* o, int a, int b, int c)
{
    o[0] = a + b * c << 1;
}
// CHECK: AssignmentExpression @[[@LINE-2]]:5 Operator="="
// CHECK: Value: BinaryExpression {{.*}} Operator="<<"
// CHECK-NEXT: Left: BinaryExpression {{.*}} Operator="+"
// CHECK-NEXT: Left: NameExpression {{.*}} Name="a"
// CHECK-NEXT: Right: BinaryExpression {{.*}} Operator="*"
