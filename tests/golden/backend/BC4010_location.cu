// BC4010 (too many registers) is reported at the declaration of the kernel it is about.
// RUN: not bytechipcc -O2 --maxrregcount 4 %S/../regalloc/spill_maxrregcount.cu | verify
// expected-error@../regalloc/spill_maxrregcount.cu:14 BC4010
