// BC5016: a %lo/%hi relocation names a symbol that is neither a .const nor a .global of the file.
// RUN: not bcas %s | verify
// RUN: not bcas %s |& FileCheck
.target n4
.global counter 4 4
.kernel k
    mov.b32 R0, %lo(counter)
    mov.b32 R1, %hi(counter+4)
    mov.b32 R2, %lo(missing) // expected-error BC5016
    mov.b32 R3, %hi(other+8) // expected-error BC5016
    exit
.end
// CHECK: err_unknown_symbol.s:9:{{[0-9]+}}: error BC5016: 'missing' is not a .const or .global of this file
// CHECK: err_unknown_symbol.s:10:{{[0-9]+}}: error BC5016: 'other' is not a .const or .global of this file
