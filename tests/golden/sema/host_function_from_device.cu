// BC3010: device code calls a host function.
// RUN: not bytechipcc -fsyntax-only %s | verify

int host_only(int x) { return x + 1; }

__global__ void k(int* out)
{
    out[0] = host_only(1); // expected-error BC3010 {{host_only}}
}
