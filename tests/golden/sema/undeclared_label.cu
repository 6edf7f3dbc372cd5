// BC3033: goto to a label the function does not define.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    if (out[0])
        goto done; // expected-error BC3033 {{use of undeclared label 'done'}}
    out[1] = 2;
}
