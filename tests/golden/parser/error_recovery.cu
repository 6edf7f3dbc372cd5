// After a syntax error the parser resynchronizes and reports a later independent error at its own position.
// XFAIL: a syntax error in one function makes the parser report the next function's error at its closing brace
// (10:1 "unexpected '}'") instead of at the ']' (9:14), and adds an "unexpected '}'" after each error.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void a(int* out)
{
    out[0] = 1 +; // expected-error BC2001 {{unexpected ';'}}
}
__global__ void b(int* out)
{
    out[0] = ]; // expected-error BC2001 {{unexpected ']'}}
}
