# asinf/acosf: asin x = x + x³·P(x²) on |x| <= 1/2 (P of degree argv[1]); above, with z = (1 − |x|)/2 (exact) and
# w = √z as a pair w + wl: asin|x| = π/2 − 2·(w + (w·z·P(z) + wl)), acos x = 2·(...) or π − 2·(...).
from common import *
import sys
deg = int(sys.argv[1])
c, err = fit(lambda s: odd_tail(mp.asin, s), 0, 0.25, deg)
print(deg, err, c)
PIO2 = f32(float(mp.pi/2)); PIO2L = f32(float(mp.pi/2 - mpf(PIO2)))
PI = f32(float(mp.pi)); PIL = f32(float(mp.pi - mpf(PI)))
def half(a):
    z = mul(add(1.0, -a), 0.5)
    w = f32(math.sqrt(z))
    wl = f32(fma(-w, w, z) / mul(w, 2.0)) if w > 0 else 0.0
    p = fma(mul(w, z), horner(z, c), wl)
    return w, p   # asin √z ≈ w + p
def asinf(x):
    a = abs(x)
    if a <= 0.5: return odd_eval(x, c)
    w, p = half(a)
    # π/2 − 2w − 2p
    hi = add(PIO2, -mul(w, 2.0)); e = add(add(PIO2, -hi), -mul(w, 2.0))  # fast two-sum: PIO2 > 2w
    v = add(hi, add(e, add(PIO2L, -mul(p, 2.0))))
    return math.copysign(v, x)
def acosf(x):
    a = abs(x)
    if a <= 0.5:
        s = odd_eval(x, c)
        return add(PIO2, add(PIO2L, -s))
    w, p = half(a)
    if x > 0: return mul(add(w, p), 2.0)
    return add(PI, add(PIL, -mul(add(w, p), 2.0)))
random.seed(1)
xs = [random.uniform(-1, 1) for _ in range(50000)] + [random.uniform(0.45, 0.55) for _ in range(10000)] + [1 - math.exp(random.uniform(-17, -1)) for _ in range(10000)]
print('asinf', worst_case(asinf, mp.asin, xs))
print('acosf', worst_case(acosf, mp.acos, xs + [-x for x in xs[-20000:]]))
