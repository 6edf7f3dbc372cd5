// BC1025 (warning): extra tokens after a directive's operands.
// RUN: bytechipcc -fsyntax-only %s | verify
#define X 1
#ifdef X Y // expected-warning BC1025 {{extra tokens at end of #ifdef directive}}
#endif
#undef X Z // expected-warning BC1025 {{extra tokens at end of #undef directive}}
__global__ void k(int* out) { out[0] = 1; }
