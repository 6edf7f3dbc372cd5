// BC1002: an #if group still open at the end of the file.
// RUN: not bytechipcc -fsyntax-only %s | verify
#ifdef FEATURE // expected-error BC1002
__global__ void k(int* out) { out[0] = 1; }
