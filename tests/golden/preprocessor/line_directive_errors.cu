// BC1019: #line operands: a digit sequence from 1 to 2147483647, then optionally a string literal.
// RUN: not bytechipcc -fsyntax-only %s | verify
#line 0 // expected-error BC1019 {{#line number 0 out of range}}
#line 2147483648 // expected-error BC1019 {{#line number 2147483648 out of range}}
#line 0x10 // expected-error BC1019 {{requires a positive integer argument (a digit sequence), not '0x10'}}
#line // expected-error BC1019 {{requires a positive integer argument (a digit sequence), not nothing}}
#line 10 file.cu // expected-error BC1019 {{invalid file name 'file.cu' for #line directive}}
#line 6 "line_directive_errors.cu" extra // expected-warning BC1025 {{extra tokens at end of #line directive}}
__global__ void k(int* out) { out[0] = 1; }
