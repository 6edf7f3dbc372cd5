# tgammaf for x >= 0 (negative x take the double sequence on a branch):
#   x < 8:   n = rint(x), f = x − n, Γ(x) = N/R(f) with R(f) = 1/Γ(1 + f) on [−½, ½] (R of degree argv[1]; 1/Γ is
#            entire, so the polynomial converges fast) and N = (x−1)···(x−n+1), or 1/x for x < ½; N and R = 1 + f·c1 +
#            f²·T1(f) (f·c1 exact, c1 ≈ γ with its low part) as float pairs, the quotient with its remainder by fma; x < 2^-100: 1/x
#   x >= 8:  Γ(x) = 2^z, z = ((x − ½)·ln x − x + ln√(2π) + K(x))·log2 e as a float pair, K(x) = (1/x)·S(1/x²) the
#            Stirling correction for x >= 8 (S of degree argv[2]); 2^z as in powf
# lgammaf.py runs this file for its fits and gamma_parts (AS_LIBRARY set).
from common import *
import sys
mp.dps = 40
dr, ds = int(sys.argv[1]), int(sys.argv[2])
cr_exact, er = mp.chebyfit(lambda f: 1/mp.gamma(1 + mpf(f)), [-0.5, 0.5], dr + 1, error=True)
cr = [f32(float(v)) for v in reversed(cr_exact)]; er = float(er)
CR1L = f32(float(cr_exact[-2] - mpf(cr[1])))   # the low part of the f coefficient (≈ γ)
print('R c1 low', repr(CR1L))
def K(s):       # s = 1/x²
    s = mpf(s)
    if s < mpf(10)**-30: return mpf(1)/12
    x = 1/mp.sqrt(s)
    return (mp.loggamma(x) - ((x - mpf(1)/2)*mp.log(x) - x + mp.log(2*mp.pi)/2)) * x
cs, es = fit(K, 0, 1/64.0, ds)   # x >= 8 (lgammaf uses it up to FLT_MAX)
print('R', er, cr); print('S', es, cs)
C0 = float(mp.log(2*mp.pi)/2/mp.log(2)); C0H = f32(C0); C0L = f32(float(mp.log(2*mp.pi)/2/mp.log(2) - mpf(C0H)))
L2EH = f32(float(1/mp.log(2))); L2EL = f32(float(1/mp.log(2) - mpf(L2EH)))
print('ln√(2π)·log2 e', repr(C0H), repr(C0L))
def log2pair(x):       # the device's float-pair log2 (relative error about 2^-32)
    v = mpf(x); l = mp.log(v)/mp.log(2); h = f32(float(l)); return h, f32(float(l - mpf(h)))
def exp2pair(zh, zl):  # powf's 2^(zh + zl): about ½ ulp plus the polynomial; simulated as exact then rounded
    return f32(float(mp.power(2, mpf(zh) + mpf(zl))))
def tgammaf(x):
    if x >= 8:
        x = min(x, 40.0)
        lh, ll = log2pair(x)
        xm = add(x, -0.5)
        ah = mul(xm, lh); al = fma(xm, ll, fma(xm, lh, -ah))
        bh = mul(x, L2EH); bl = fma(x, L2EL, fma(x, L2EH, -bh))
        k = mul(mul(horner(mul(f32(1/x), f32(1/x)), cs), f32(1/x)), L2EH)
        sh = add(ah, -bh); se = add(add(ah, -sh), -bh)        # |ah| > |bh|
        zh = add(sh, C0H); ze = add(add(sh, -zh), C0H)
        zl = add(add(add(se, ze), add(al, -bl)), add(C0L, k))
        return exp2pair(zh, zl)
    if x < 2.0**-100: return f32(1/x)                    # Γ(x) = 1/x − γ + O(x)
    nh, nl, rh, rl = gamma_parts(x)
    q = f32(nh/rh); rem = add(add(fma(-q, rh, nh), nl), -mul(q, rl))
    return add(q, f32(rem/rh))
def gamma_parts(x):
    """N = nh + nl and R = rh + rl with Γ(x) = N/R for 2^-100 <= x < 8."""
    n = int(round(x)); f = add(x, -n)                   # f in [−½, ½]; rint on the device
    # R = 1 + p, p = f·(c1 + c1_lo) + f²·T1(f) with f·c1 as an exact pair (near the zeros of lgamma, N − R cancels
    # and p must keep its relative accuracy); R as a pair rh + rl by two fast two-sums
    t1 = horner(f, cr[2:]); ph = mul(f, cr[1])
    pe = add(fma(f, cr[1], -ph), fma(f, CR1L, mul(f, mul(f, t1))))
    s = add(ph, pe); se = add(add(ph, -s), pe)          # |pe| < |ph|
    rh = add(1.0, s); rl = add(add(add(1.0, -rh), s), se)
    if n == 0:                                           # numerator 1/x as a pair
        nh = f32(1/x); nl = f32(fma(-nh, x, 1.0)/x)
    else:                                                # (x−1)···(x−n+1) as a pair, x − k exact
        nh, nl = 1.0, 0.0
        for k in range(1, n):
            g = add(x, -k); h = mul(nh, g)
            nl = add(fma(nh, g, -h), mul(nl, g)); nh = h
    return nh, nl, rh, rl
if not (len(sys.argv) > 3 or globals().get('AS_LIBRARY')):   # fits only, or used by lgammaf.py
  random.seed(1)
  xs = [random.uniform(0, 36) for _ in range(30000)] + [math.exp(random.uniform(-87, 2.1)) for _ in range(20000)]
  print('tgammaf', worst_case(tgammaf, mp.gamma, [x for x in xs if f32(x) > 0 and f32(x) < 35.04]))
