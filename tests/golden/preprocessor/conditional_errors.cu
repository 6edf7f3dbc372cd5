// Malformed conditionals: each mistake is one error at its directive, clang's messages.
// RUN: not bytechipcc -fsyntax-only %s | verify
#if 1
#elif // expected-error BC1010 {{#elif with no expression}}
#endif
#if 0
#elif // expected-error BC1010 {{#elif with no expression}}
#endif
#if 0
#else
#elif 1 // expected-error BC1020 {{#elif after #else}}
#else // expected-error BC1020 {{#else after #else}}
#endif
#else // expected-error BC1003 {{#else without #if}}
#elif 1 // expected-error BC1003 {{#elif without #if}}
#if (1 + 2 // expected-error BC1010 {{expected ')' in preprocessor expression}}
#endif
#if 1 + 2) // expected-error BC1010 {{token is not a valid binary operator}}
#endif
#if 3 % (2 - 2) // expected-error BC1011 {{remainder by zero in preprocessor expression}}
#endif
#if 0 && 1 / 0
#endif
#if defined // expected-error BC1018 {{macro name missing after 'defined'}}
#endif
#if defined( // expected-error BC1018 {{macro name missing after 'defined'}}
#endif
#if defined(A // expected-error BC1018 {{missing ')' after 'defined(A'}}
#endif
#if 1 garbage // expected-error BC1010 {{token is not a valid binary operator}}
#endif
#if "text" // expected-error BC1010 {{invalid token '"text"' in preprocessor expression}}
#endif
#if 1.5 // expected-error BC1010 {{invalid integer constant '1.5'}}
#endif
#define NOTHING
#if NOTHING // expected-error BC1010 {{#if expression is empty after macro expansion of 'NOTHING'}}
#endif
#if UNDEFINED_NAME || (undefined_name + 2) == 1
#error "undefined names are 0, so this group is skipped"
#endif
__global__ void k(int* out) { out[0] = 1; }
