; BC4001: LLVM IR input that does not parse is reported at the file's first line with LLVM's own message.
; RUN: not bytechipcc %s |& FileCheck
; CHECK: backend/BC4001_invalid_ir.ll:1:1: error BC4001: cannot read LLVM IR: {{.*}}BC4001_invalid_ir.ll:9:13: error: use of undefined value '%undefined'
; CHECK-NEXT: 1 error generated.
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define void @k(ptr %out) {
entry:
  store i32 %undefined, ptr %out
  ret void
}
