// bcobjdump over a compiled kernel: the header lines in order. The file's byte count is matched by a pattern: the
// line table records the source's full path, so the size depends on where the checkout is.
// RUN: bytechipcc -O2 --arch n5 %s | bcobjdump -f | FileCheck
// CHECK: // <stdin>: ELF64 little-endian, machine 0xBC01 (ByteChip), {{[0-9]+}} bytes
// CHECK-NEXT: // target n5 (e_flags 0x00010500): ByteChip N5: inference part (TSMC N5)
// CHECK-NEXT: // kernels 1, constant segment 8 bytes (1 symbols), globals 0, source files 1
// CHECK-NEXT: //   symbol Kernel   _Z1kPf offset 0 size 72
// CHECK-NEXT: //   symbol Constant c offset 0 size 8
// CHECK-NOT: symbol
__constant__ float c[2] = {1.0f, 2.0f};
__global__ void k(float* out) { out[threadIdx.x] = c[threadIdx.x & 1]; }
