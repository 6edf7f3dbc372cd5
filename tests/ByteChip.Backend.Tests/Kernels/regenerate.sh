#!/usr/bin/env bash
# Regenerates kernels.ll (clang's unoptimized device IR of kernels.cu) used by the backend execution tests.
# Needs clang-19 (apt-get install -y clang-19). The ByteChip backend applies its own -O0/-O2 pipelines.
set -euo pipefail
cd "$(dirname "$0")"
shim=$(cd ../../.. && pwd)/tests/ByteChip.Backend.Tests/Kernels/cuda_shim.h
clang-19 -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_80 -Xclang -target-feature -Xclang +ptx70 -O0 -Xclang -disable-O0-optnone \
  -include "$shim" -S -emit-llvm kernels.cu -o kernels.ll
