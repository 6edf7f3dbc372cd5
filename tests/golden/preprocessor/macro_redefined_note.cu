// BC1007 (warning) carries a "previous definition is here" note at the first definition.
// RUN: bytechipcc -fsyntax-only %s |& FileCheck
#define WIDTH 16
#define WIDTH 32
__global__ void k(int* out) { out[0] = WIDTH; }
// CHECK: macro_redefined_note.cu:4:9: warning BC1007: 'WIDTH' macro redefined
// CHECK: macro_redefined_note.cu:3:9: note: previous definition is here
