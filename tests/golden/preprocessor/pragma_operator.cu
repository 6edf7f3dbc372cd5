// BC1031: _Pragma needs one parenthesized string literal; a bad operand is consumed up to its ')' so the rest of
// the line is read normally. A good one becomes the same pragma as the directive.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void k(int* out)
{
    _Pragma(unroll) // expected-error BC1031 {{_Pragma takes one string literal, not 'unroll'}}
    for (int i = 0; i < 4; i++) out[i] = i;
    _Pragma("unroll" "2") // expected-error BC1031 {{_Pragma takes one string literal, not '"unroll" "2"'}}
    for (int i = 0; i < 4; i++) out[i] = i;
    _Pragma() // expected-error BC1031 {{_Pragma takes one string literal, not nothing}}
    for (int i = 0; i < 4; i++) out[i] = i;
    _Pragma("unroll 2")
    for (int i = 0; i < 4; i++) out[i] = i;
    int _Pragma = 1; // expected-error BC1031 {{_Pragma takes a parenthesized string literal}}
}
