; BC4008: dp4a exists on n5 only. In .cu source sema reports BC3019 first; device IR reaches the backend's check.
; RUN: not bytechipcc --arch n4 %s |& FileCheck
; RUN: bytechipcc --arch n5 %s
; CHECK: backend/BC4008_feature_not_on_target.ll:0:0: error BC4008: __dp4a needs the dp4a instruction, which target n4 does not have
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define void @k(ptr %out, i32 %a, i32 %b) {
entry:
  %s = call i32 @__bytechip_dp4a_s32(i32 %a, i32 %b, i32 0)
  store i32 %s, ptr %out
  ret void
}
declare i32 @__bytechip_dp4a_s32(i32, i32, i32)
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
