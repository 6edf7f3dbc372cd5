// BC3027: member access on an int and arrow on a non-pointer.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    int v = 3;
    out[0] = v.x; // expected-error BC3027 {{member reference base type 'int' is not a structure or union}}
}
