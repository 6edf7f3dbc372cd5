// BC1010: a malformed #if expression; BC1011: division by zero in #if.
// RUN: not bytechipcc -fsyntax-only %s | verify
#if 1 + // expected-error BC1010
#endif
#if 4 / 0 // expected-error BC1011
#endif
__global__ void k(int* out) { out[0] = 1; }
