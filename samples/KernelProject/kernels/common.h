// Shared by the sample's kernels: the block size both kernels are written for (set by the project's
// ByteChipDefines, BLOCK_SIZE=256) and the global thread index.
#pragma once

#ifndef BLOCK_SIZE
#error "BLOCK_SIZE is defined by the project (ByteChipDefines)"
#endif

__device__ inline int global_index() { return blockIdx.x * blockDim.x + threadIdx.x; }
