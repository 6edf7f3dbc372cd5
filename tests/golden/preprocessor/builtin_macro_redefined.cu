// BC1028 (warning): #define or #undef of a built-in macro; 'defined' can never be a macro name (BC1018).
// RUN: not bytechipcc -fsyntax-only %s | verify
#undef __FILE__ // expected-warning BC1028 {{undefining builtin macro '__FILE__'}}
#define __LINE__ 7 // expected-warning BC1028 {{redefining builtin macro '__LINE__'}}
#undef __COUNTER__ // expected-warning BC1028 {{undefining builtin macro '__COUNTER__'}}
#define defined 1 // expected-error BC1018 {{'defined' cannot be used as a macro name}}
#undef defined // expected-error BC1018 {{'defined' cannot be used as a macro name}}
#undef __CUDA_ARCH__
__global__ void k(int* out) { out[0] = __LINE__; }
