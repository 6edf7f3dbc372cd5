// BC3034: an array size and a case value that are not integer constants.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out, int n)
{
    int local[n]; // expected-error BC3034
    switch (out[0]) {
    case n: // expected-error BC3034
        out[1] = local[0];
        break;
    }
}
