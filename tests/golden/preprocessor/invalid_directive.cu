// BC1006: a directive that does not exist.
// RUN: not bytechipcc -fsyntax-only %s | verify
#defien N 3 // expected-error BC1006 {{defien}}
__global__ void k(int* out) { out[0] = 1; }
