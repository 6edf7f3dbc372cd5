// cooperative_groups: this_thread_block(), sync() and thread_rank() parse and bind.
// RUN: bytechipcc -fsyntax-only %s
// RUN: bytechipcc -S -O2 %s | FileCheck
#include <cooperative_groups.h>
namespace cg = cooperative_groups;
__global__ void k(int* out)
{
    cg::thread_block b = cg::this_thread_block();
    out[b.thread_rank()] = 1;
    b.sync();
}
// CHECK: .kernel k
// CHECK: bar.sync 0
