// BC1013: '#' in a function-like macro not followed by a parameter name.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define BAD(x) #y // expected-error BC1013
__global__ void k(int* out) { out[0] = 1; }
