// BC3050: two case labels with the same value and two defaults.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    switch (out[0]) {
    case 1:
        out[1] = 1;
        break;
    case 1: // expected-error BC3050 {{duplicate case value}}
        out[1] = 2;
        break;
    default:
        break;
    default: // expected-error BC3050
        break;
    }
}
