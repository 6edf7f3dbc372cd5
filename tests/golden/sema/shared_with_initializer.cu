// BC3011: __shared__ variables cannot be initialized.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    __shared__ int s = 3; // expected-error BC3011 {{initialization is not supported for __shared__ variables}}
    out[0] = s;
}
