// BC1003: #endif and #else without #if.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out) { out[0] = 1; }
#else // expected-error BC1003
#endif // expected-error BC1003
