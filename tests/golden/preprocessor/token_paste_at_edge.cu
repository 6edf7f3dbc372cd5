// BC1027: '##' at either end of a replacement list (or of a __VA_OPT__ content) has no operand; the macro is not
// defined, as in clang.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define PASTE_FIRST(a) ## a // expected-error BC1027 {{'##' cannot appear at either end of a macro expansion}}
#define PASTE_LAST(a) a ## // expected-error BC1027 {{'##' cannot appear at either end of a macro expansion}}
#define PASTE_OBJECT ## x // expected-error BC1027 {{'##' cannot appear at either end of a macro expansion}}
#define PASTE_OPT(a, ...) __VA_OPT__(## a) // expected-error BC1027 {{'##' cannot appear at either end of __VA_OPT__ content}}
#define PASTE_OPT_END(a, ...) __VA_OPT__(a ##) // expected-error BC1027 {{'##' cannot appear at either end of __VA_OPT__ content}}
__global__ void k(int* out) { out[0] = 1; }
