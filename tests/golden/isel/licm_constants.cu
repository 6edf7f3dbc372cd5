// Constants that selection materializes inside a loop (here the polynomial's coefficients) are moved to the
// loop's preheader at -O1 and above, so an iteration no longer spends a mov per coefficient; -O0 keeps them where
// they are. Under a tight register limit only as many move as fit next to the loop's own values (no spills).
// RUN: bytechipcc -S -O2 %s | FileCheck
// RUN: bytechipcc -S -O0 %s | FileCheck --check-prefix=O0
// RUN: bytechipcc -S -O2 --maxrregcount 16 --resource-usage %s |& FileCheck --check-prefix=TIGHT
__global__ void k(float* x, int n)
{
#pragma unroll 1
    for (int i = 0; i < n; i++)
    {
        float v = x[i];
        float s = fmaf(v, 0.25f, 1.5f);
        s = fmaf(s, v, 2.75f); s = fmaf(s, v, 3.125f); s = fmaf(s, v, 4.0625f); s = fmaf(s, v, 5.5f);
        s = fmaf(s, v, 6.5f); s = fmaf(s, v, 7.5f); s = fmaf(s, v, 8.5f); s = fmaf(s, v, 9.5f);
        s = fmaf(s, v, 10.5f); s = fmaf(s, v, 11.5f); s = fmaf(s, v, 12.5f); s = fmaf(s, v, 13.5f);
        x[i] = s;
    }
}
// CHECK: mov.b32 {{R[0-9]+}}, 0x3e800000
// CHECK: mov.b32 {{R[0-9]+}}, 0x41580000
// CHECK: [[HEAD:\.L[0-9a-f]+]]:
// CHECK-NOT: mov.b32 {{R[0-9]+}}, 0x
// CHECK: bra.uni [[HEAD]]
// O0: [[HEAD:\.L[0-9a-f]+]]:
// O0: mov.b32 {{R[0-9]+}}, 0x3e800000
// O0: bra{{.*}} [[HEAD]]
// TIGHT: [[HEAD:\.L[0-9a-f]+]]:
// TIGHT: mov.b32 {{R[0-9]+}}, 0x41580000
// TIGHT: bra.uni [[HEAD]]
// TIGHT: kernel 'k' for n4: {{1[0-6]|[0-9]}} registers, 1 predicates, 0 bytes static shared, 0 bytes local (0 values spilled, 0 bytes)
