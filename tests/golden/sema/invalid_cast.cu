// BC3030: casting a pointer to a struct.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Pair { int a, b; };

__global__ void k(float* f, int* out)
{
    Pair p = (Pair)f; // expected-error BC3030 {{cannot cast}}
    out[0] = p.a;
}
