// Resource usage (registers, predicates, shared/local bytes, spills, parameter bytes, instructions) per kernel.
// RUN: bytechipcc --resource-usage -O2 %s | precise
// RUN: bytechipcc --resource-usage -O0 --arch n5 %s | precise n5-O0
__global__ void first(int* p) { p[threadIdx.x] += 1; }
__global__ void second(float* p, float a) { p[threadIdx.x] *= a; }
