# cbrtf/rcbrtf: |x| = m·2^(3q + k), m in [1, 2), k in {0, 1, 2}; r ≈ (m·2^k)^(-1/3) = P(m)·2^(-k/3) (P of degree
# argv[1] fitted to m^(-1/3)), one Newton step r += r·(1 − M·r³)/3 in float (M = m·2^k), then a last step with the
# residual 1 − M·r³ (rcbrt) or M − y³ (cbrt, y = M·r²) carried in pairs, so the result is within about ½ ulp.
from common import *
import sys
deg = int(sys.argv[1])
c, err = fit(lambda m: mpf(m)**(-mpf(1)/3), 1, 2, deg)
print(deg, err, c)
K = [1.0, f32(float(mpf(2)**(-mpf(1)/3))), f32(float(mpf(2)**(-mpf(2)/3)))]
print('2^(-k/3)', [repr(v) for v in K])
def parts(x):
    a = abs(x)
    mm, e = math.frexp(a)      # a = mm·2^e, mm in [0.5, 1)
    m = mm * 2; e -= 1
    q, k = divmod(e, 3)
    M = m * 2**k
    r = mul(horner(m, c), K[k])
    r = fma(mul(r, f32(1/3)), fma(-M, mul(mul(r, r), r), 1.0), r)   # Newton in float
    return M, r, q
def cbrtf(x):
    M, r, q = parts(x)
    r2 = mul(r, r)
    y = mul(M, r2)
    yy = mul(y, y); yyl = fma(y, y, -yy)
    d = fma(yy, y, -M); d = fma(yyl, y, d)        # y³ − M
    y = fma(-d, mul(r2, f32(1/3)), y)
    return math.copysign(y * 2.0**q, x)
def rcbrtf(x):
    M, r, q = parts(x)
    rr = mul(r, r); rrl = fma(r, r, -rr)
    r3 = mul(rr, r); r3l = fma(rr, r, -r3); r3l = fma(rrl, r, r3l)
    p = mul(M, r3); pl = fma(M, r3, -p); pl = fma(M, r3l, pl)
    e = add(add(1.0, -p), -pl)                     # 1 − M·r³ (1 − p exact)
    r = fma(mul(r, f32(1/3)), e, r)
    return math.copysign(r * 2.0**-q, x)
random.seed(1)
xs = [random.choice([-1, 1]) * math.exp(random.uniform(-100, 88)) for _ in range(60000)] + [random.uniform(1, 8) for _ in range(20000)]
rc = lambda v: mp.sign(v)*mp.cbrt(abs(v))
print("cbrtf", worst_case(cbrtf, rc, xs))
print("rcbrtf", worst_case(rcbrtf, lambda v: 1/rc(v), xs))
