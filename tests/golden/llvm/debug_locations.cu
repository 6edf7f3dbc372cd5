// Every instruction has a !dbg location with the source line and column; the compile unit names the file.
// RUN: bytechipcc --dump-after=llvm %s | FileCheck
__global__ void k(int* out)
{
    int i = threadIdx.x;
    out[i] = i * 2;
}
// CHECK: mul i32 %{{[0-9]+}}, 2, !dbg ![[MUL:[0-9]+]]
// CHECK: !DIFile(filename: "{{.*}}debug_locations.cu"
// CHECK: ![[MUL]] = !DILocation(line: 6, column: {{[0-9]+}}, scope:
