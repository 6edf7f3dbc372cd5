.kernel mma
    // line 3 holds the mma
    mma.m16n8k16.f32.bf16 R0, R4, R8, R12
    exit
.end
