// BC3031: break and continue outside a loop.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    if (out[0] > 0)
        break; // expected-error BC3031 {{'break' statement not in loop or switch statement}}
    continue; // expected-error BC3031 {{'continue' statement not in loop statement}}
}
