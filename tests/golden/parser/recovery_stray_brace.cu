// A stray '}' at file scope is one error; the next function is parsed normally and its own mistake reported.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void a(int* out)
{
    out[0] = 1;
}
} // expected-error BC2001 {{unexpected '}'}}
__global__ void b(int* out)
{
    out[0] = ]; // expected-error BC2001 {{unexpected ']'}}
}
