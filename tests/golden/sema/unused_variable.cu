// BC3020 (warning): an unused local; -Werror keeps the code.
// RUN: bytechipcc -fsyntax-only %s | verify
// RUN: not bytechipcc -fsyntax-only -Werror %s |& FileCheck --check-prefix=WERROR
// WERROR: error BC3020: unused variable 'unused'

__global__ void k(int* out)
{
    int unused = 3; // expected-warning BC3020 {{unused variable 'unused'}}
    out[0] = 1;
}
