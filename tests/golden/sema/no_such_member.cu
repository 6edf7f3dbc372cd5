// BC3026: a field that the struct does not have, through . and ->.
// RUN: not bytechipcc -fsyntax-only %s | verify

struct Point { float x, y; };

__global__ void k(Point* p, float* out)
{
    out[0] = p->z; // expected-error BC3026 {{no member named 'z'}}
    Point q = p[1];
    out[1] = q.w; // expected-error BC3026 {{no member named 'w'}}
}
