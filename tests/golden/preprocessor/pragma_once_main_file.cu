// BC1032 (warning): '#pragma once' in the main file does nothing, as clang says.
// RUN: bytechipcc -fsyntax-only %s | verify
#pragma once // expected-warning BC1032 {{#pragma once in main file}}
_Pragma("once") // expected-warning BC1032 {{#pragma once in main file}}
__global__ void k(int* out) { out[0] = 1; }
