; BC4002: a 128-bit integer has no register class. IR without debug locations is reported at line 0.
; RUN: not bytechipcc -O0 %s |& FileCheck
; RUN: not bytechipcc -O2 --arch n5 %s |& FileCheck
; CHECK: backend/BC4002_unsupported_type.ll:0:0: error BC4002: 128-bit integers are not supported (the widest is 64 bits)
; CHECK-NEXT: 1 error generated.
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define void @k(ptr %out, i128 %a, i128 %b) {
entry:
  %s = mul i128 %a, %b
  store i128 %s, ptr %out
  ret void
}
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
