// Parser diagnostics (BC2xxx): each error is reported once, and parsing resumes after it.
__global__ void k1(int* p)
{
    int x = ; // expected-error BC2001 {{';'}}
    p[0] = 1;
}

__global__ void child(int* p) { p[0] = 1; }

__global__ void parent(int* p)
{
    child<<<1, 1>>>(p); // expected-error BC2002 {{kernel launch '<<<...>>>' in device code is not supported}}
}
