// BC1018: #define and #ifdef without a valid macro name.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define 3 // expected-error BC1018
#ifdef // expected-error BC1018
#endif
__global__ void k(int* out) { out[0] = 1; }
