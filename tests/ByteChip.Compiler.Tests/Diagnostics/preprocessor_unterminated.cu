// An #if still open at the end of the file, and a comment that never ends.
#if 1 // expected-error BC1002 {{unterminated conditional directive}}
__device__ int ok = 1;
// expected-error@+1 BC1014 {{unterminated /* comment}}
/* this comment never ends
