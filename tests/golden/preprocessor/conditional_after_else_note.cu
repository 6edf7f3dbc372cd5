// "#else after #else" points at the second #else and notes the first one.
// RUN: not bytechipcc -fsyntax-only %s |& FileCheck
#ifdef SOMETHING
#else
#else
#endif
__global__ void k(int* out) { out[0] = 1; }
// CHECK: conditional_after_else_note.cu:5:2: error BC1020: #else after #else
// CHECK-NEXT: #else
// CHECK-NEXT: ^
// CHECK-NEXT: conditional_after_else_note.cu:4:2: note: previous #else is here
