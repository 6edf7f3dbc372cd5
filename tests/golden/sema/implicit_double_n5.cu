// BC3021 (warning) on n5 only: an unsuffixed literal promotes float arithmetic to double.
// RUN: bytechipcc -fsyntax-only --arch n5 %s | verify

__global__ void k(float* out)
{
    out[0] = out[1] * 0.5; // expected-warning BC3021 {{double}}
    out[2] = out[3] * 0.5f;
}
