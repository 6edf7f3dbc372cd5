// BC3025: calling a variable.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int f = 3;
    out[0] = f(2); // expected-error BC3025 {{called object 'f' is not a function}}
    out[1] = f;
}
