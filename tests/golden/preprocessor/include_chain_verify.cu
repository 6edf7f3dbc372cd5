// BC1001 in a nested header, checked clang -verify style at the header's line; an angle-bracket include of a
// header that exists nowhere is an empty stub with warning BC1023 (the host-header decision), never silent.
// RUN: not bytechipcc -fsyntax-only -I %{inputs} %s | verify
#include "chain_outer.h" // expected-error@Inputs/chain_inner.h:3 BC1001 {{'chain_missing.h' file not found}}
#include <chain_nowhere.h> // expected-warning BC1023 {{system header 'chain_nowhere.h' not found}}
#include "also_missing.h" // expected-error BC1001 {{'also_missing.h' file not found}}
__global__ void k(int* out) { out[0] = CHAIN_INNER; }
