// BC1012: '##' that produces text that is not one token.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define PASTE(a, b) a##b
__global__ void k(int* out) { out[0] = PASTE(+, -) 1; } // expected-error BC1012
