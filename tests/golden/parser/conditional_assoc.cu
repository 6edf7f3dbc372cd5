// a ? b : c ? d : e parses as a ? b : (c ? d : e); x = y = z as x = (y = z).
// RUN: bytechipcc --dump-after=ast %s | FileCheck
__global__ void k(int* o, int a, int c)
{
    int y;
    o[0] = y = a ? 1 : c ? 2 : 3;
}
// CHECK: AssignmentExpression {{.*}} Operator="="
// CHECK-NEXT: Target: IndexExpression
// CHECK: Value: AssignmentExpression {{.*}} Operator="="
// CHECK-NEXT: Target: NameExpression {{.*}} Name="y"
// CHECK-NEXT: Value: ConditionalExpression
// CHECK-NEXT: Condition: NameExpression {{.*}} Name="a"
// CHECK: WhenFalse: ConditionalExpression
