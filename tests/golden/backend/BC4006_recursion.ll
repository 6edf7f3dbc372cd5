; BC4006: recursion in device IR (in .cu source sema reports BC3017 first). At -O2 LLVM turns this tail-recursive
; factorial into a loop, so only -O0 reaches the call-graph check.
; RUN: not bytechipcc -O0 %s |& FileCheck
; RUN: bytechipcc -O2 %s
; CHECK: backend/BC4006_recursion.ll:0:0: error BC4006: recursion is not supported on ByteChip: fact -> fact
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define i32 @fact(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %more
more:
  %m = sub i32 %n, 1
  %r = call i32 @fact(i32 %m)
  %p = mul i32 %n, %r
  ret i32 %p
done:
  ret i32 1
}
define void @k(ptr %out, i32 %n) {
entry:
  %s = call i32 @fact(i32 %n)
  store i32 %s, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
