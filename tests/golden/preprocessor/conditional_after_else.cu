// BC1020: #elif and #else after #else.
// RUN: not bytechipcc -fsyntax-only %s | verify
#if 0
#else
#elif 1 // expected-error BC1020
#endif
__global__ void k(int* out) { out[0] = 1; }
