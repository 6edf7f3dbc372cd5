// The file ends inside a function body.
__device__ void unfinished(int* p)
{
    p[0] = 1;
// expected-error@+1 BC2003 {{unexpected end of file}}
