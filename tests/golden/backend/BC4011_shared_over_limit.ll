; BC4011: shared memory beyond the target's per-block limit (in .cu source sema reports BC3042 first).
; RUN: not bytechipcc -O0 --arch n4 %s |& FileCheck --check-prefix=N4
; RUN: not bytechipcc -O0 --arch n5 %s |& FileCheck --check-prefix=N5
; N4: backend/BC4011_shared_over_limit.ll:0:0: error BC4011: kernel 'k' uses 800000 bytes of shared memory; target n4 allows 233472 per block
; N5: backend/BC4011_shared_over_limit.ll:0:0: error BC4011: kernel 'k' uses 800000 bytes of shared memory; target n5 allows 98304 per block
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
@big = internal addrspace(3) global [200000 x i32] undef, align 4
define void @k(ptr %out, i32 %i) {
entry:
  %g = getelementptr [200000 x i32], ptr addrspace(3) @big, i32 0, i32 %i
  store i32 %i, ptr addrspace(3) %g
  %v = load i32, ptr addrspace(3) %g
  store i32 %v, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
