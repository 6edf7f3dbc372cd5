// BC1031: a _Pragma whose '(' is not closed on its line.
// RUN: not bytechipcc -fsyntax-only %s | verify
_Pragma("once" // expected-error BC1031 {{missing ')' after _Pragma operand}}
__global__ void k(int* out) { out[0] = 1; }
