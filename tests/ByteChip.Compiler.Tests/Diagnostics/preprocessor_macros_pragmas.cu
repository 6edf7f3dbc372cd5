// Preprocessor diagnostics BC1027-BC1032 (macro bodies, built-in macros, __VA_OPT__, directives in macro
// arguments, _Pragma, #pragma once).
#pragma once // expected-warning BC1032 {{#pragma once in main file}}
#define PASTE_FIRST(a) ## a // expected-error BC1027 {{'##' cannot appear at either end of a macro expansion}}
#undef __FILE__ // expected-warning BC1028 {{undefining builtin macro '__FILE__'}}
#define NOT_VARIADIC(a) __VA_OPT__(a) // expected-error BC1029 {{__VA_OPT__ can only appear in the expansion of a variadic macro}}
#define ID(x) x
int fromArguments = ID(
#include "anything.h" // expected-error BC1030 {{'#include' cannot appear within the arguments of a function-like macro invocation}}
    1);
_Pragma(unroll) // expected-error BC1031 {{_Pragma takes one string literal, not 'unroll'}}
