// Lexical errors are reported only for text that is not skipped.
__device__ int a = 1; @ // expected-error BC1016 {{stray '@' in program}}
// expected-error@+1 BC1015 {{missing terminating '"' character}}
__device__ const char* s = "unterminated
;
#define CALL(x) x
// expected-error@+1 BC1009 {{unterminated function-like macro invocation of 'CALL'}}
int v = CALL(1 // expected-error@+1 BC2003 {{unexpected end of file}}
