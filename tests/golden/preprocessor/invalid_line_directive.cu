// BC1019: #line without a valid line number.
// RUN: not bytechipcc -fsyntax-only %s | verify
#line oops // expected-error BC1019 {{#line directive requires a positive integer argument}}
__global__ void k(int* out) { out[0] = 1; }
