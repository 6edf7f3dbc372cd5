; BC4016: a device variable declared but not defined (extern __device__ across translation units is not supported).
; RUN: not bytechipcc %s |& FileCheck
; CHECK: backend/BC4016_external_global.ll:0:0: error BC4016: global 'ext' is declared but not defined in this module (external device variables are not supported)
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
@ext = external addrspace(1) global i32, align 4
define void @k(ptr %out) {
entry:
  %v = load i32, ptr addrspace(1) @ext
  store i32 %v, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
