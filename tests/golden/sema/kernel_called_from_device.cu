// BC3049: a kernel called like a device function.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void child(int* out) { out[0] = 1; }

__global__ void parent(int* out)
{
    child(out); // expected-error BC3049
}
