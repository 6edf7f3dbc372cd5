// BC3028: subscripting a float.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(float* out)
{
    float f = 1.0f;
    out[0] = f[1]; // expected-error BC3028 {{subscripted value is not an array or pointer}}
}
