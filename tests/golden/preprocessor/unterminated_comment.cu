// BC1014: a block comment that runs to the end of the file.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out) { out[0] = 1; }
/* never closed // expected-error BC1014
