// Preprocessor diagnostics (BC1xxx).
#include "does_not_exist.h" // expected-error BC1001 {{'does_not_exist.h' file not found}}
#include <no_such_system_header.h> // expected-warning BC1023 {{system header 'no_such_system_header.h' not found}}
#include nothing_here // expected-error BC1022 {{#include expects "FILENAME" or <FILENAME>}}

#endif // expected-error BC1003 {{#endif without #if}}

#error this configuration is not supported // expected-error BC1004 {{this configuration is not supported}}
#warning check the block size // expected-warning BC1005 {{check the block size}}
#frobnicate // expected-error BC1006 {{invalid preprocessing directive '#frobnicate'}}

#define TWICE(x) ((x) * 2)
#define TWICE(x) ((x) + (x)) // expected-warning BC1007 {{'TWICE' macro redefined}}
#define ADD(a, b) ((a) + (b))
int wrongCount = ADD(1) + 0; // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'ADD'}}

#if 1 +  // expected-error BC1010 {{expected value in preprocessor expression}}
#endif
#if 1 / 0 // expected-error BC1011 {{division by zero in preprocessor expression}}
#endif
#if 0
#elif 1 ? 0 : 1 / 0
#endif

#define PASTE(a, b) a ## b
int PASTE(x, +) = 0; // expected-error BC1012 {{pasting "x" and "+" does not give a valid preprocessing token}}
#define STR(a) # b // expected-error BC1013 {{'#' is not followed by a macro parameter}}
#define // expected-error BC1018 {{macro name missing}}
#line abc // expected-error BC1019 {{#line directive requires a positive integer argument}}
#if 0
#else
#else // expected-error BC1020 {{#else after #else}}
#endif
#define NOT_VARIADIC(a) __VA_ARGS__ // expected-error BC1021 {{__VA_ARGS__ can only appear in the expansion of a variadic macro}}
#define BAD_PARAMS(a, 1) a // expected-error BC1024 {{invalid macro parameter list for 'BAD_PARAMS'}}
#undef TWICE extra // expected-warning BC1025 {{extra tokens at end of #undef directive}}

#if 0
  this text is skipped: it's not lexed for errors, @ $ ` are fine here
#endif
