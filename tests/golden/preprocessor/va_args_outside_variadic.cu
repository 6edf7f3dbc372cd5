// BC1021: __VA_ARGS__ in a macro that is not variadic.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define F(x) __VA_ARGS__ // expected-error BC1021
__global__ void k(int* out) { out[0] = 1; }
