// 'defined' produced by a macro expansion in #if works as in gcc and clang; the name after it is not expanded.
// RUN: bytechipcc --dump-after=tokens %s | FileCheck
#define FEATURE_A 0
#define HAVE_A defined(FEATURE_A)
#define HAVE_C defined FEATURE_C
#if HAVE_A && !HAVE_C && defined FEATURE_A
__global__ void k(int* out) { out[0] = 1; }
#else
__global__ void k(int* out) { out[0] = 2; }
#endif
// CHECK: out [ 0 ] = 1 ;
