// BC1022: #include not followed by "FILE" or <FILE>.
// RUN: not bytechipcc -fsyntax-only %s | verify
#include defs.h // expected-error BC1022
__global__ void k(int* out) { out[0] = 1; }
