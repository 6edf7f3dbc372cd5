# sinpif/cospif: x = k/2 + r exactly, |r| <= 1/4; sin πr = πr + r·s·S(s) with πr by fma from π as a pair (π_hi·r exact
# inside the fma), cos πr = 1 + y, y = s·C(s) (s = r²) as a pair: s·C0 by
# fma with s's rounding error and C0's low part, s²·C'(s) in float, 1 + y by fast two-sum. Degrees argv[1], argv[2].
from common import *
import sys
ds, dc = int(sys.argv[1]), int(sys.argv[2])
def S(s):
    s = mpf(s)
    if s < mpf(10)**-30: return -mp.pi**3/6
    r = mp.sqrt(s); return (mp.sinpi(r) - mp.pi*r)/(r*s)
def C(s):
    s = mpf(s)
    if s < mpf(10)**-30: return -mp.pi**2/2
    r = mp.sqrt(s); return (mp.cospi(r) - 1)/s
cs, es = fit(S, 0, 1/16 * 1.0001, ds); cc, ec = fit(C, 0, 1/16 * 1.0001, dc)
print(es, cs); print(ec, cc)
PI = f32(float(mp.pi)); PIL = f32(float(mp.pi - mpf(PI)))
print(repr(PI), repr(PIL))
C0 = cc[0]; C0L = f32(float(-mp.pi**2/2 - mpf(C0))); print('C0 low', repr(C0L))
def sincospi(x):
    k = float(round(2 * x)) if abs(x) < 2**24 else 0.0
    r = add(x, -k / 2)
    s = mul(r, r)
    sn = fma(r, PI, fma(mul(r, s), horner(s, cs), mul(r, PIL)))
    sl = fma(r, r, -s)
    yh = mul(s, C0); yl = fma(s, C0, -yh)
    yl = add(yl, fma(sl, C0, fma(s, C0L, mul(s, mul(s, horner(s, cc[1:]))))))
    h = add(1.0, yh); cn = add(h, add(add(add(1.0, -h), yh), yl))
    q = int(k) & 3
    if q & 1: sn, cn = cn, -sn
    if q & 2: sn, cn = -sn, -cn
    return sn, cn
random.seed(1); ws = (0,0,0); wc = (0,0,0)
xs = [random.uniform(-4, 4) for _ in range(40000)] + [math.exp(random.uniform(-40, 16)) for _ in range(20000)]
for x in xs:
    x = f32(x)
    sref = float(mp.sinpi(mpf(x))); cref = float(mp.cospi(mpf(x)))
    sn, cn = sincospi(x)
    if sref != 0:
        e = ulp_err(sref, sn)
        if e > ws[2]: ws = (ulp_dist(f32(sref), sn), x, e)
    if cref != 0:
        e = ulp_err(cref, cn)
        if e > wc[2]: wc = (ulp_dist(f32(cref), cn), x, e)
print('sinpi', ws); print('cospi', wc)
