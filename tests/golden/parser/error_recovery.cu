// After a syntax error the parser resynchronizes and reports a later independent error at its own position.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void a(int* out)
{
    out[0] = 1 +; // expected-error BC2001 {{unexpected ';'}}
}
__global__ void b(int* out)
{
    out[0] = ]; // expected-error BC2001 {{unexpected ']'}}
}
