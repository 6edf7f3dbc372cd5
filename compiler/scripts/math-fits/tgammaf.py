# tgammaf for x >= 0 (negative x take the double sequence on a branch):
#   x < 8:   n = rint(x), f = x − n, Γ(x) = N/R(f) with R(f) = 1/Γ(1 + f) on [−½, ½] (R of degree argv[1]; 1/Γ is
#            entire, so the polynomial converges fast) and N = (x−1)···(x−n+1), or 1/x for x < ½; N and R = 1 + f·T(f)
#            as float pairs, the quotient with its remainder by fma; x < 2^-100: 1/x
#   x >= 8:  Γ(x) = 2^z, z = ((x − ½)·ln x − x + ln√(2π) + K(x))·log2 e as a float pair, K(x) = (1/x)·S(1/x²) the
#            Stirling correction on [8, 36] (S of degree argv[2]); 2^z as in powf
from common import *
import sys
mp.dps = 40
dr, ds = int(sys.argv[1]), int(sys.argv[2])
cr, er = fit(lambda f: 1/mp.gamma(1 + mpf(f)), -0.5, 0.5, dr)
def K(s):       # s = 1/x²
    s = mpf(s)
    if s < mpf(10)**-30: return mpf(1)/12
    x = 1/mp.sqrt(s)
    return (mp.loggamma(x) - ((x - mpf(1)/2)*mp.log(x) - x + mp.log(2*mp.pi)/2)) * x
cs, es = fit(K, 1/36.0**2, 1/64.0, ds)
print('R', er, cr); print('S', es, cs)
C0 = float(mp.log(2*mp.pi)/2/mp.log(2)); C0H = f32(C0); C0L = f32(float(mp.log(2*mp.pi)/2/mp.log(2) - mpf(C0H)))
L2EH = f32(float(1/mp.log(2))); L2EL = f32(float(1/mp.log(2) - mpf(L2EH)))
print('ln√(2π)·log2 e', repr(C0H), repr(C0L))
if len(sys.argv) > 3: sys.exit(0)
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
    n = int(round(x)); f = add(x, -n)                   # f in [−½, ½]; rint on the device
    # R = 1 + f·T(f) as a pair (1 + p by fast two-sum)
    t = horner(f, cr[1:]); p = mul(f, t); pe = fma(f, t, -p)
    rh = add(1.0, p); rl = add(add(add(1.0, -rh), p), pe)
    if n == 0:                                           # numerator 1/x as a pair
        nh = f32(1/x); nl = f32(fma(-nh, x, 1.0)/x)
    else:                                                # (x−1)···(x−n+1) as a pair, x − k exact
        nh, nl = 1.0, 0.0
        for k in range(1, n):
            g = add(x, -k); h = mul(nh, g)
            nl = add(fma(nh, g, -h), mul(nl, g)); nh = h
    q = f32(nh/rh); rem = add(add(fma(-q, rh, nh), nl), -mul(q, rl))
    return add(q, f32(rem/rh))
random.seed(1)
xs = [random.uniform(0, 36) for _ in range(30000)] + [math.exp(random.uniform(-87, 2.1)) for _ in range(20000)]
print('tgammaf', worst_case(tgammaf, mp.gamma, [x for x in xs if f32(x) > 0 and f32(x) < 35.04]))
