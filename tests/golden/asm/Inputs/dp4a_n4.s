// A dp4a for n4: BC5013 (annotation read from this file by verify? no: the case checks by FileCheck instead)
.target n4
.kernel dot
    dp4a.s32.s8.s8 R0, R1, R2, R3
    exit
.end
