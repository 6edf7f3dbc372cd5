// BC5012: an instruction outside a kernel; BC5018: a kernel without .end.
// RUN: not bcas %s | verify
.target n4
    exit // expected-error BC5012
.kernel k // expected-error BC5018 {{no '.end'}}
    exit
