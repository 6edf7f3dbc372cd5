// BC1030: #include and #pragma cannot take effect in the middle of a macro invocation (_Pragma can); conditionals
// there are processed (directives_in_macro_arguments_tokens.cu).
// RUN: not bytechipcc -fsyntax-only %s | verify
#define ID(x) x
__global__ void k(int* out)
{
    out[1] = ID(
#include "anything.h" // expected-error BC1030 {{'#include' cannot appear within the arguments of a function-like macro invocation}}
        3);
    out[2] = ID(
#pragma unroll // expected-error BC1030 {{'#pragma' cannot appear within the arguments of a function-like macro invocation (use _Pragma)}}
        4);
}
