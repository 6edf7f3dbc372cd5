// BC3037: specifiers that form no type, and an unknown type name.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    unsigned float f = 1.0f; // expected-error BC3037 {{cannot combine these type specifiers}}
    out[0] = (int)f;
}
