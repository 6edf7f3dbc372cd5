// Resource usage (registers, predicates, shared/local bytes, spills, parameter bytes, instructions) per kernel.
// RUN: bytechipcc --resource-usage -O2 %s | precise
// RUN: bytechipcc --resource-usage -O0 --arch n5 %s | precise n5-O0
__global__ void k(const int* idx, int* out)
{
    int table[16];
    for (int i = 0; i < 16; i++) table[i] = i * i;
    out[threadIdx.x] = table[idx[threadIdx.x] & 15];
}
