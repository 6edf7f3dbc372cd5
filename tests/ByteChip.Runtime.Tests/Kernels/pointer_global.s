// A device global holding a pointer to another global (an Abs64 relocation in its initializer):
// every thread loads the pointer and increments the target through it.
.target n4
.global counter 8 8
.global ptrs 16 8 = 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
.globalreloc ptrs 8 counter 4
.kernel through_pointer
    mov.b32 R0, %lo(ptrs)
    mov.b32 R1, %hi(ptrs)
    ld.global.b64 R2, [R0+8]
    mov.b32 R4, 1
    atom.generic.add.u32 R5, [R2], R4
    exit
.end
