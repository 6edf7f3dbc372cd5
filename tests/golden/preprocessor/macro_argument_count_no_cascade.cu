// BC1008 is the only error for a wrong macro argument count: the invocation stands for one operand, so the
// statement around it still parses (no "unexpected ';'"), whether there are too few or too many arguments.
// RUN: not bytechipcc -fsyntax-only %s | verify
#define ADD(a, b) ((a) + (b))
#define NEG(a) (-(a))
__global__ void k(int* out)
{
    out[0] = ADD(1); // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'ADD' (expected 2, have 1)}}
    out[1] = NEG(1, 2) * 3; // expected-error BC1008 {{too many arguments provided to function-like macro invocation of 'NEG' (expected 1, have 2)}}
    out[2] = ADD(NEG(1)) + 1; // expected-error BC1008 {{too few arguments provided to function-like macro invocation of 'ADD' (expected 2, have 1)}}
    out[3] = = 1; // expected-error BC2001 {{unexpected '='}}
}
