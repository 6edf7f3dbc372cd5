# erfinvf/erfcinvf: with q = 1 − a² (fma(−a, a, 1), or c·(2 − c) from erfcinv's c = 1 − a) and t = −log q:
#   t <= T1:   erfinv a = a·P(t)               (P of degree argv[1]); t as a float pair (−log q)
#   t > T1:    erfinv a = Q(√t − W0) on √T1 <= √t <= 4 (Q of degree argv[2], W0 the middle), erfcinvf's tail beyond
#              R(√t − 7) on 4 <= √t <= 10.2 (R of degree argv[3]) (c down to 2^-149).
# √t carries the pair's tail and the sqrt's rounding to first order; Q and R sum c0 + c1·u exactly (two-sum).
# The constant terms are float pairs (their rounding alone is half an ulp of the result). Arguments: degrees, then T1.
from common import *
import sys
mp.dps = 60
dp, dq, dr, T1 = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def inv_erfc_small(c):
    """y with erfc(y) = c for c < 1/4, by Newton on log erfc (well scaled down to 2^-149)."""
    lc = mp.log(c)
    return mp.findroot(lambda y: mp.log(mp.erfc(y)) - lc, mp.sqrt(-lc))
def erfinv_t(t):
    """erfinv(a) for 1 − a² = e^(−t), through erfc for small 1 − a."""
    t = mpf(t)
    q = mp.exp(-t)
    c = q/(1 + mp.sqrt(1 - q))          # 1 − a
    if c > mpf('0.25'): return mp.erfinv(1 - c)
    return inv_erfc_small(c)
def shifted_fit(fn, lo, hi, deg, center):
    cs, err = mp.chebyfit(lambda u: fn(u + center), [lo - center, hi - center], deg + 1, error=True)
    c = [f32(float(v)) for v in reversed(cs)]
    return c + [f32(float(cs[-1] - mpf(c[0])))], float(err)   # the last entry: the constant term's low part
def P(t):
    t = mpf(t)
    if t < mpf(10)**-30: return mp.sqrt(mp.pi)/2
    return erfinv_t(t)/mp.sqrt(1 - mp.exp(-t))
W0 = f32(float((mp.sqrt(T1) + 4)/2)); W1 = 7.0; TC = 0.0
cp, ep = shifted_fit(P, 0, T1, dp, TC)
cq, eq = shifted_fit(lambda w: erfinv_t(w*w), math.sqrt(T1), 4.0, dq, W0)
cr, er = shifted_fit(lambda w: erfinv_t(w*w), 4.0, 10.2, dr, W1)
print('P', ep, TC, cp); print('Q', eq, W0, cq); print('R', er, W1, cr)
if len(sys.argv) > 5: sys.exit(0)   # fits only
def core(a, q):
    # t = −log q as a float pair (the device uses the float-pair log2 of powf, relative error about 2^-32)
    tt = -math.log(q); th = f32(tt); tl = f32(tt - th)
    if th <= T1:
        # a·(P0 + P0_lo + th·P'(th) + P1·tl): a·P0 exact inside the last fma
        return fma(a, cp[0], mul(a, fma(th, horner(th, cp[1:-1]), fma(cp[1], tl, cp[-1]))))
    w = f32(math.sqrt(th))
    wl = f32(f32(fma(-w, w, th) + tl) / (2 * w))   # √(th + tl) − w to first order
    c, u = (cq, add(w, -W0)) if w <= 4.0 else (cr, add(w, -W1))   # exact (Sterbenz)
    # c0 + c1·(u + wl) + u²·H(u): c1·u exact as a pair, c0 + c1·u by fast two-sum (|c1·u| < c0), the small rest added last
    p = mul(c[1], u); pe = fma(c[1], u, -p)
    s = add(c[0], p); e = add(add(c[0], -s), p)
    return add(s, add(add(add(e, pe), fma(c[1], wl, c[-1])), mul(mul(u, u), horner(u, c[2:-1]))))
def erfinvf(x):
    a = abs(x)
    return math.copysign(core(a, fma(-a, a, 1.0)), x)
def erfcinvf(c):
    cc = add(2.0, -c) if c > 1 else c
    a = add(1.0, -cc)
    q = fma(-a, a, 1.0) if cc >= 0.5 else mul(cc, add(2.0, -cc))
    y = core(a, q)
    return -y if c > 1 else y
random.seed(1)
xs = [random.uniform(-1, 1) for _ in range(30000)] + [1 - math.exp(random.uniform(-16.6, -0.1)) for _ in range(20000)]
xs = [x for x in xs if abs(f32(x)) < 1]
print('erfinvf', worst_case(erfinvf, mp.erfinv, xs[:20000:2] + xs[30000::2]))
cs = [math.exp(random.uniform(-103, 0)) for _ in range(6000)] + [random.uniform(0, 2) for _ in range(6000)]
cs = [c for c in cs if 0 < f32(c) < 2 and f32(c) != 1]
def erfcinv_ref(c):
    if c > 1: return -erfcinv_ref(2 - c)
    return inv_erfc_small(mpf(c)) if c < mpf('0.25') else mp.erfinv(1 - mpf(c))
print('erfcinvf', worst_case(erfcinvf, erfcinv_ref, cs))
