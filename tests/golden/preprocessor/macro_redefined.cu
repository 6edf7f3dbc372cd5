// BC1007 (warning): a macro defined again with a different body; the same body is fine.
// RUN: bytechipcc -fsyntax-only %s | verify
#define A 1
#define A 1
#define A 2 // expected-warning BC1007 {{'A' macro redefined}}
__global__ void k(int* out) { out[0] = A; }
