; CUDA device IR in clang's form (nvvm intrinsics, addrspace globals) compiles through the same backend.
; RUN: bytechipcc -S -O2 %s | FileCheck
; RUN: bytechipcc -S -O0 --arch n5 %s | FileCheck
target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"

define dso_local void @_Z3addPfPKf(ptr noundef %out, ptr noundef %in) #0 {
entry:
  %tid = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
  %idx = zext i32 %tid to i64
  %src = getelementptr inbounds float, ptr %in, i64 %idx
  %v = load float, ptr %src, align 4
  %r = fadd float %v, 1.000000e+00
  %dst = getelementptr inbounds float, ptr %out, i64 %idx
  store float %r, ptr %dst, align 4
  ret void
}

declare i32 @llvm.nvvm.read.ptx.sreg.tid.x()

attributes #0 = { convergent mustprogress noinline norecurse nounwind }

!nvvm.annotations = !{!0}
!0 = !{ptr @_Z3addPfPKf, !"kernel", i32 1}
; CHECK: .kernel add mangled _Z3addPfPKf
; CHECK: s2r R{{[0-9]+}}, %tid.x
; CHECK: ld.global.b32
; CHECK: add.f32 R{{[0-9]+}}, R{{[0-9]+}}, 1
; CHECK: st.global.b32
