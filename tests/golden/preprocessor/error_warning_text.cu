// #error/#warning show the text as written (spacing kept, a lone apostrophe is not a broken literal); without
// text they name the directive. The null directive '#' is allowed.
// RUN: not bytechipcc -fsyntax-only %s | verify
#
#   
#error  two  spaces   kept // expected-error BC1004 {{two  spaces   kept}}
#warning don't stop here // expected-warning BC1005 {{don't stop here}}
#error // expected-error BC1004 {{#error}}
#warning // expected-warning BC1005 {{#warning}}
#foo bar // expected-error BC1006 {{invalid preprocessing directive '#foo'}}
__global__ void k(int* out) { out[0] = 1; }
