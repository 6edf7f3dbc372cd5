// BC3036: a variable of type void and of a declared-only struct.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Opaque;

__global__ void k(int* out)
{
    Opaque o; // expected-error BC3036 {{incomplete type}}
    out[0] = sizeof(Opaque); // expected-error BC3036
}
