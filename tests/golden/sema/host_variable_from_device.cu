// BC3038: device code reads a non-const host global.
// RUN: not bytechipcc -fsyntax-only %s | verify

int host_counter = 0;
const int kFour = 4;

__global__ void k(int* out)
{
    out[0] = host_counter; // expected-error BC3038 {{host_counter}}
    out[1] = kFour;
}
