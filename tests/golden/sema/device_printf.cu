// BC3018: device-side printf is not supported.
// RUN: not bytechipcc -fsyntax-only %s | verify

#include <cstdio>

__global__ void k(int* out)
{
    printf("%d\n", out[0]); // expected-error BC3018 {{printf}}
}
