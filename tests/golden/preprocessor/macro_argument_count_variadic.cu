// BC1008 for variadic macros: the named parameters are required, the variable arguments may be left out (C++20).
// RUN: not bytechipcc -fsyntax-only %s | verify
#define LOG(level, fmt, ...) ((level) + (fmt))
#define FIRST(a, ...) (a)
int a1 = LOG(1); // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'LOG' (expected at least 2, have 1)}}
int a2 = LOG(1, 2);
int a3 = LOG(1, 2, 3, 4);
int a4 = FIRST(1) + FIRST(1, 2, 3);
#define PAIR(a, b) a + b
int a5 = PAIR(1, 2, 3); // expected-error BC1008 {{too many arguments provided to function-like macro invocation of 'PAIR' (expected 2, have 3)}}
int a6 = PAIR(); // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'PAIR' (expected 2, have 1)}}
__global__ void k(int* out) { out[0] = a2 + a3 + a4; }
