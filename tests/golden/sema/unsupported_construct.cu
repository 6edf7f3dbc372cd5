// BC3041: __managed__ variables are outside the subset.
// RUN: not bytechipcc -fsyntax-only %s | verify

__managed__ int counter; // expected-error BC3041 {{__managed__}}

__global__ void k(int* out) { out[0] = 1; }
