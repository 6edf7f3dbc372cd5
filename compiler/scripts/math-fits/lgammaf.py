# lgammaf for x >= 0 (negative x take the double sequence on a branch), with tgammaf.py's fits (run with its degrees):
#   x < 2^-100:  −log x
#   1.25 <= x < 1.75, around the minimum of Γ (lgamma ≈ −0.12, where N/R − 1 would cancel): lgamma(X0 + u),
#                u = x − X0 exact, as c0 + u·Q(u) with c0 a pair (Q of degree argv[1], X0 = 1.4616321 the float nearest
#                the minimum)
#   x < 8:       Γ(x) = N/R (tgammaf.py's gamma_parts), lgamma x = log1p(v), v = (N − R)/R as a pair vh + vl from
#                (nh − rh) + (nl − rl): near the zeros at 1 and 2 (n = 1, 2) nh − rh is exact and v keeps its relative
#                accuracy; log1p(vh) + vl/(1 + vh)
#   x >= 8:      (x − ½)·ln x − x + ln√(2π) + K(x) in float pairs (ln x from the float-pair log2)
from common import *
import sys
AS_LIBRARY = True
dm = int(sys.argv[1]); HI = float(sys.argv[2])
sys.argv = sys.argv[:1] + ['9', '2']
exec(open('tgammaf.py').read())
X0 = f32(float(mp.findroot(mp.digamma, 1.46)))
cm, em = fit(lambda u: mp.loggamma(X0 + mpf(u)), 1.25 - X0, HI - X0, dm)
CM0L = f32(float(mp.loggamma(X0) - mpf(cm[0])))
print('minimum', repr(X0), em, cm, repr(CM0L))
HL = f32(float(mp.log(2*mp.pi)/2)); HLL = f32(float(mp.log(2*mp.pi)/2 - mpf(HL)))
LN2 = f32(float(mp.log(2))); LN2L = f32(float(mp.log(2) - mpf(LN2)))
print('ln√(2π)', repr(HL), repr(HLL))
def log1pf(v): return f32(float(mp.log1p(mpf(v))))    # the device's log1pf is within 1 ulp; simulated correctly rounded
def lgammaf(x):
    if x < 2.0**-100: return f32(-math.log(x))
    if 1.25 <= x < HI:
        u = add(x, -X0)
        return add(cm[0], fma(u, horner(u, cm[1:]), CM0L))
    if x < 8:
        nh, nl, rh, rl = gamma_parts(x)
        dh = add(nh, -rh); dl = add(nl, -rl)              # nh − rh exact for n = 1, 2
        vh = f32(dh / rh); vl = f32(add(add(fma(-vh, rh, dh), dl), -mul(vh, rl)) / rh)
        return add(log1pf(vh), f32(vl / add(1.0, vh)))
    lh, ll = log2pair(x)
    Lh = mul(lh, LN2); Ll = fma(ll, LN2, fma(lh, LN2L, fma(lh, LN2, -Lh)))
    xm = add(x, -0.5)
    ah = mul(xm, Lh); al = fma(xm, Ll, fma(xm, Lh, -ah))
    inv = f32(1/x); k = mul(horner(mul(inv, inv), cs), inv)
    sh = add(ah, -x); se = add(add(ah, -sh), -x)          # (x − ½)·ln x > x from 8 on
    zh = add(sh, HL); ze = add(add(sh, -zh), HL)
    return add(zh, add(add(se, ze), add(al, add(HLL, k))))
random.seed(1)
xs = [random.uniform(0, 10) for _ in range(30000)] + [math.exp(random.uniform(-80, 88)) for _ in range(10000)]
xs += [1 + k * 2.0**-23 for k in range(-200, 200)] + [2 + k * 2.0**-22 for k in range(-200, 200)] + [random.uniform(0.9, 2.2) for _ in range(10000)]
print('lgammaf', worst_case(lgammaf, mp.loggamma, [x for x in xs if 0 < f32(x) < 4e36 and f32(x) not in (1.0, 2.0)]))
