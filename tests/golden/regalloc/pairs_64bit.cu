// 64-bit values live in aligned register pairs (even first register), also under a register limit that forces the
// allocator to share the few pairs it has; the kernel runs against its C# reference at -O0 and -O2 on both targets,
// with and without the limit.
// RUN: bytechipcc -S -O2 --maxrregcount 8 %s | FileCheck
// RUN: bytechipcc -S -O0 %s | FileCheck --check-prefix=O0
// RUN: bytechipcc -O0 --arch n4 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n4 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O0 --arch n5 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n5 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n4 --maxrregcount 8 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// RUN: bytechipcc -O2 --arch n5 --maxrregcount 8 %s | bcrun %{launch} | FileCheck --check-prefix=EXEC
// CHECK: .registers 8
// CHECK-NOT: {{^ +(ld|st|add|sub|mul|div|rem|min|max|and|or|xor|shl|shr|mov)[.a-z]*\.[bsu]64 .*\bR[0-9]*[13579]\b}}
// CHECK: mul.lo.u64 {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}
// CHECK: div.u64 {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}
// CHECK: min.s64 {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}
// CHECK-NOT: {{^ +(ld|st|add|sub|mul|div|rem|min|max|and|or|xor|shl|shr|mov)[.a-z]*\.[bsu]64 .*\bR[0-9]*[13579]\b}}
// CHECK: exit
// O0-NOT: {{^ +(ld|st|add|sub|mul|div|rem|min|max|and|or|xor|shl|shr|mov)[.a-z]*\.[bsu]64 .*\bR[0-9]*[13579]\b}}
// O0: div.u64 {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}, {{R[0-9]*[02468]}}
// O0-NOT: {{^ +(ld|st|add|sub|mul|div|rem|min|max|and|or|xor|shl|shr|mov)[.a-z]*\.[bsu]64 .*\bR[0-9]*[13579]\b}}
// O0: exit
// EXEC: out: 96 x i64 match

__global__ void pairs(const long long* a, const unsigned long long* b, long long* out)
{
    int i = threadIdx.x;
    long long x0 = a[i], x1 = a[i + 32], x2 = a[i + 64], x3 = a[i + 96];
    unsigned long long y0 = b[i], y1 = b[i + 32], y2 = b[i + 64], y3 = b[i + 96];
    long long s = x0 * (long long)y1 + x1 * (long long)y2 + x2 * (long long)y3 + x3 * (long long)y0;
    out[3 * i + 0] = s + (x0 >> 7);
    out[3 * i + 1] = (long long)((y0 ^ y3) / (unsigned long long)(x1 | 1));
    out[3 * i + 2] = (x2 < (long long)y2 ? x2 : (long long)y2) - (x3 ^ x0) + (long long)(y1 >> 3);
}
