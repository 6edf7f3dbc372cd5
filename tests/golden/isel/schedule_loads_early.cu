// The instruction scheduler (-O1 and up) issues both global loads before the first instruction that needs a
// loaded value, so the second load's latency overlaps the first's instead of following it (latencies from the
// ISA spec's latency table). -fno-schedule-insns keeps selection's order: the first value's arithmetic comes first.
// RUN: bytechipcc -S -O2 %s | FileCheck
// RUN: bytechipcc -S -O2 -fno-schedule-insns %s | FileCheck --check-prefix=NOSCHED
__global__ void k(const float* a, const float* b, float* c)
{
    int i = threadIdx.x;
    float x = a[i];
    x = x * x + 1.0f;
    x = x * x + 2.0f;
    float y = b[i];
    y = y * y + 3.0f;
    c[i] = x + y;
}
// CHECK: ld.global.b32
// CHECK-NOT: {{mul|fma|add}}.f32
// CHECK: ld.global.b32
// CHECK: {{mul|fma}}.f32
// CHECK: st.global.b32
// NOSCHED: ld.global.b32
// NOSCHED: fma.f32
// NOSCHED: ld.global.b32
