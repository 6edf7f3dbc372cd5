// BC3019: __dp4a needs the dp4a feature, which n4 lacks (n5 has it: the second RUN line).
// RUN: not bytechipcc -fsyntax-only %s | verify
// RUN: bytechipcc -fsyntax-only --arch n5 %s

__global__ void k(const int* a, const int* b, int* out)
{
    out[0] = __dp4a(a[0], b[0], 0); // expected-error BC3019 {{dp4a}}
}
