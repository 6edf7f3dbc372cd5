; BC4004: an LLVM intrinsic the backend has no lowering for (clang's name for __dp4a; bytechipcc's own frontend
; emits __bytechip_dp4a_s32, see BC4008).
; RUN: not bytechipcc --arch n5 %s |& FileCheck
; CHECK: backend/BC4004_unsupported_intrinsic.ll:0:0: error BC4004: the intrinsic 'llvm.nvvm.idp4a.s.s' is not supported by the ByteChip backend
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"
define void @k(ptr %out, i32 %a, i32 %b) {
entry:
  %s = call i32 @llvm.nvvm.idp4a.s.s(i32 %a, i32 %b, i32 0)
  store i32 %s, ptr %out
  ret void
}
declare i32 @llvm.nvvm.idp4a.s.s(i32, i32, i32)
!nvvm.annotations = !{!0}
!0 = !{ptr @k, !"kernel", i32 1}
