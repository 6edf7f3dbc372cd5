// BC1001: the header is in no search folder (without -I the Inputs folder is not searched).
// RUN: not bytechipcc -fsyntax-only %s | verify
// RUN: bytechipcc -fsyntax-only -I %{inputs} %s
#include "guarded.h" // expected-error BC1001 {{guarded.h}}
__global__ void k(int* out) { out[0] = 1; }
