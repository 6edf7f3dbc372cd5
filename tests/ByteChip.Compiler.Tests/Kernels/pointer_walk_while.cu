// Pointer arithmetic, do/while and while loops, pre/post increment, comma operator, ternaries.
__device__ int countNonZero(const int* begin, const int* end)
{
    int count = 0;
    const int* p = begin;
    while (p != end) {
        count += *p++ != 0 ? 1 : 0;
    }
    return count;
}

__global__ void rowCounts(const int* matrix, int* counts, int rows, int cols)
{
    int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r >= rows) return;
    const int* row = matrix + r * cols;
    counts[r] = countNonZero(row, row + cols);
    int i = 0, j = cols - 1;
    do {
        if (row[i] < 0) counts[r] -= 1;
        ++i, --j;
    } while (i < j);
    long long diff = (row + cols) - row;
    counts[r] += (int)(diff - cols);
}
