// BC3003: a pointer to float does not convert to a pointer to int; a struct does not convert to int.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct S { int a; };

__global__ void k(float* f, int* out)
{
    int* p = f; // expected-error BC3003 {{cannot convert 'float *' to 'int *'}}
    S s = {1};
    int x = s; // expected-error BC3003 {{cannot convert}}
    out[0] = p[0] + x;
}
