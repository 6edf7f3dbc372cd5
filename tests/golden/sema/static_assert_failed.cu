// BC3051: a static_assert whose condition is false.
// RUN: not bytechipcc -fsyntax-only %s | verify

static_assert(sizeof(int) == 4, "int is 32 bits");
static_assert(sizeof(float) == 8, "float is not 64 bits"); // expected-error BC3051 {{float is not 64 bits}}

__global__ void k(int* out) { out[0] = 1; }
