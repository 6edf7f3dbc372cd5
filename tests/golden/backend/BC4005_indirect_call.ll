; BC4005: a call through a function pointer (CUDA source cannot express one: sema rejects it first).
; RUN: not bytechipcc %s |& FileCheck
; CHECK: backend/BC4005_indirect_call.ll:0:0: error BC4005: indirect calls and inline assembly are not supported
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define void @k(ptr %out, ptr %f) {
entry:
  %s = call i32 %f()
  store i32 %s, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
