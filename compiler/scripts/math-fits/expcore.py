EXPC = [0.5, 0.16666576266288757, 0.04166655242443085, 0.008363345637917519, 0.0013926392421126366]
LN2HI_E = frombits(0x3f317200); LN2LO_E = f32(float(mp.log(2) - mpf(LN2HI_E))); L2E = f32(1/math.log(2))
def expf(x):
    xc = min(max(x, -104.0), 89.0)
    j = float(round(mul(xc, L2E)))
    r = fma(-j, LN2HI_E, xc); r = fma(-j, LN2LO_E, r)
    p = horner(r, EXPC)
    p = fma(p, mul(r, r), r)
    p = add(p, 1.0)
    j = int(j); j1 = j >> 1; j2 = j - j1
    return mul(mul(p, 2.0**j1), 2.0**j2)
