// A diagnostic in an included header is reported at the header's line, with the include chain.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s | verify
#include "bad_directive.h" // expected-error@Inputs/bad_directive.h:2 BC1006 {{frobnicate}}
__global__ void k(int* out) { out[0] = OK; }
