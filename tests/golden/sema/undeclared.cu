// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out)
{
    out[0] = missing; // expected-error BC3001 {{undeclared identifier 'missing'}}
}
