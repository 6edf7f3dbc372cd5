// Directive errors: BC5010 unknown directive, BC5011 malformed directive, BC5008 label defined twice.
// RUN: not bcas %s | verify
.target n4
.bogus 1 // expected-error BC5010
.kernel k
    .param a // expected-error BC5011
top:
top: // expected-error BC5008
    exit
.end
