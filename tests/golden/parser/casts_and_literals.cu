// C and C++ casts, sizeof, hex/octal/suffixed integer literals and float literals.
// RUN: bytechipcc --dump-after=ast %s | FileCheck
__global__ void k(float* f, unsigned long long* u)
{
    u[0] = 0x1Full + 017u + sizeof(float4);
    f[0] = (float)u[1] + static_cast<float>(2.5e-3) + 1.f;
}
// CHECK: IntegerLiteral {{.*}} Text="0x1Full" Value=31
// CHECK: IntegerLiteral {{.*}} Text="017u" Value=15
// CHECK: SizeofExpression
// CHECK: CastExpression
// CHECK: FloatLiteral {{.*}} Text="2.5e-3"
// CHECK: FloatLiteral {{.*}} Text="1.f"
