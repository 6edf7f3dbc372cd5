// BC3008: assigning to the result of an addition and incrementing a literal.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int a = 1, b = 2;
    a + b = 3; // expected-error BC3008 {{not assignable}}
    out[0] = a;
}
