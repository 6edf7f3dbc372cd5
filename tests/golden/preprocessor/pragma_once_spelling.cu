// #pragma once is about the file, not how the include spells its path: defs.h included directly and again as
// "../defs.h" from a subfolder is read once (its function would otherwise be redefined).
// RUN: bytechipcc -fsyntax-only -I %{inputs} %s | verify
#include "defs.h"
#include "sub/once_relative.h"
// expected-no-diagnostics
__global__ void k(int* out) { out[0] = scaled(ONCE_RELATIVE); }
