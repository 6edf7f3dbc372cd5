// BC1029: __VA_OPT__ outside a variadic macro, without '(', unterminated or nested; BC1021: __VA_ARGS__ outside
// a variadic macro, in a definition or in the text.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define NOT_VARIADIC(a) __VA_OPT__(a) // expected-error BC1029 {{__VA_OPT__ can only appear in the expansion of a variadic macro}}
#define NO_PAREN(...) __VA_OPT__ x // expected-error BC1029 {{missing '(' following __VA_OPT__}}
#define UNCLOSED(...) __VA_OPT__(x // expected-error BC1029 {{unterminated __VA_OPT__}}
#define NESTED(...) __VA_OPT__(__VA_OPT__(x)) // expected-error BC1029 {{__VA_OPT__ cannot be nested}}
int __VA_OPT__; // expected-error BC1029 {{__VA_OPT__ can only appear in the expansion of a variadic macro}}
int __VA_ARGS__; // expected-error BC1021 {{__VA_ARGS__ can only appear in the expansion of a variadic macro}}
__global__ void k(int* out) { out[0] = 1; }
