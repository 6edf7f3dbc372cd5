// BC1024: a malformed macro parameter list.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define F(a, , b) a // expected-error BC1024
__global__ void k(int* out) { out[0] = 1; }
