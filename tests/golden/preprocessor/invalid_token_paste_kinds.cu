// BC1012: pastes that do not form one token (operators, '/' '/' that would start a comment, '.' '.'), reported
// at the invocation (the left token stands for the result); a valid paste of punctuators forms one token.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define CAT(a, b) a ## b
int x1 = 1 CAT(+, -) 2; // expected-error BC1012 {{pasting "+" and "-" does not give a valid preprocessing token}}
int x2 = 4 CAT(/, /) 2; // expected-error BC1012 {{pasting "/" and "/"}}
int x3 = CAT(x1, .); // expected-error BC1012 {{pasting "x1" and "."}}
int x4 = 8 CAT(>, >) 1;
__global__ void k(int* out) { out[0] = x4; }
