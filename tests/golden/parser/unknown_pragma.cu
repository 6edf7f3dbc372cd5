// BC2007 (warning): an unknown #pragma is ignored.
// RUN: bytechipcc -fsyntax-only %s | verify
#pragma frobnicate on // expected-warning BC2007 {{frobnicate}}
__global__ void k(int* out) { out[0] = 1; }
