// Every form of the control group assembles; the disassembly is the expectation (precise), with encodings,
// and the listing bcobjdump prints assembles back to the same bytes.
// RUN: bcas %s | bcobjdump -d | precise
// RUN: bcas %s | bcobjdump -d --no-encoding | bcas - | bcobjdump -d --no-encoding | precise plain
.target n4
.kernel control
    s2r R0, %tid.x
    setp.lt.u32 P0, R0, 16
    @!P0 bra skip
    nop
    bar.sync 0
    membar.gl
    bar.red.popc.u32 R1, P0
    bar.red.and P1, P0
    bar.red.or P2, P0
    activemask R2
    warpsync R2
skip:
    @P1 bra.uni done
    trap 7
done:
    exit
.end
