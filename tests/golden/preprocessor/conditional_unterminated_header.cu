// BC1002: an #if left open at the end of a header is reported at that #if, in the header, not in the includer.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s | verify
#include "open_if.h" // expected-error@Inputs/open_if.h:2 BC1002 {{unterminated conditional directive}}
#ifdef NOT_CLOSED_HERE // expected-error BC1002 {{unterminated conditional directive}}
__global__ void k(int* out) { out[0] = HEADER_VALUE; }
