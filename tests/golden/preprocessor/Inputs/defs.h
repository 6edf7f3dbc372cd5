#pragma once
#define SCALE 3
__device__ inline int scaled(int x) { return x * SCALE; }
