; BC4013: __constant__ data beyond the target's 64 KiB (in .cu source sema reports BC3042 first). At -O2 the loads
; of the all-zero table fold away and the table with them.
; RUN: not bytechipcc -O0 %s |& FileCheck
; CHECK: backend/BC4013_constant_over_limit.ll:0:0: error BC4013: __constant__ data is 400000 bytes; target n4 allows 65536
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
@table = internal addrspace(4) global [100000 x i32] zeroinitializer, align 4
define void @k(ptr %out, i32 %i) {
entry:
  %g = getelementptr [100000 x i32], ptr addrspace(4) @table, i32 0, i32 %i
  %v = load i32, ptr addrspace(4) %g
  store i32 %v, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
