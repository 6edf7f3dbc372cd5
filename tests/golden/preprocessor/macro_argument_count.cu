// BC1008: a function-like macro invoked with the wrong number of arguments.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define ADD(a, b) ((a) + (b))
__global__ void k(int* out) { out[0] = ADD(1); } // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'ADD'}}
