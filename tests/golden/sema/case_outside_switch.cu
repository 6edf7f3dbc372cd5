// BC3032: a case label outside a switch.
// RUN: not bytechipcc -fsyntax-only %s | verify

__global__ void k(int* out)
{
    case 1: // expected-error BC3032 {{'case' statement not in switch statement}}
        out[0] = 1;
}
