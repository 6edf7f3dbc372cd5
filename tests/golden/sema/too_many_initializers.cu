// BC3048: more initializers than array elements and struct fields.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Two { int a, b; };

__global__ void k(int* out)
{
    int arr[2] = {1, 2, 3}; // expected-error BC3048
    Two t = {1, 2, 3}; // expected-error BC3048
    out[0] = arr[0] + t.a;
}
