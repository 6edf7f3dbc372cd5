// A local variable that shadows a type name hides it until the end of its scope, as in C++: using the
// name as a type there is an error, and an unused shadowing variable is still reported.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct count { int c; };
typedef float value;

__global__ void k(float* out)
{
    int count = 1;
    float value = 2.0f; // expected-warning BC3020 {{unused variable 'value'}}
    struct count c = {count};
    {
        value v = 3.0f; // expected-error BC3037 {{unknown type name 'value'}}
    }
    out[0] = c.c;
}
