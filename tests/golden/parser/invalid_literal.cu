// BC2008: integer literals that are malformed or too large.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(unsigned long long* out)
{
    out[0] = 99999999999999999999999; // expected-error BC2008
    out[1] = 0x; // expected-error BC2008
}
