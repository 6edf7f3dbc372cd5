from common import *
import sys
ds, dc = int(sys.argv[1]), int(sys.argv[2])
R = float(mp.pi/4) * 1.0001
def S(s):
    s = mpf(s)
    if s < mpf(10)**-30: return -mpf(1)/6 + s/120
    r = mp.sqrt(s); return (mp.sin(r) - r)/(r*s)
def C(s):
    s = mpf(s)
    if s < mpf(10)**-30: return -mpf(1)/2 + s/24
    r = mp.sqrt(s); return (mp.cos(r) - 1)/s
cs, es = fit(S, 0, R*R, ds); cc, ec = fit(C, 0, R*R, dc)
print(es, cs); print(ec, cc)
P1 = f32(float(mp.pi/2)); P2 = f32(float(mp.pi/2 - mpf(P1))); P3 = f32(float(mp.pi/2 - mpf(P1) - mpf(P2)))
print(repr(P1), repr(P2), repr(P3))
TOP = f32(float(2/mp.pi))
def red(x):
    j = float(round(mul(x, TOP)))
    r = fma(-j, P1, x); r = fma(-j, P2, r); r = fma(-j, P3, r)
    return r, int(j) & 3
def sincos(x):
    r, q = red(x)
    s = mul(r, r)
    sn = fma(mul(r, s), horner(s, cs), r)
    cn = fma(horner(s, cc), s, 1.0)
    if q & 1: sn, cn = cn, -sn
    if q & 2: sn, cn = -sn, -cn
    return sn, cn
random.seed(1); ws = (0,0,0); wc = (0,0,0); wt=(0,0,0)
xs = [random.uniform(-4, 4) for _ in range(20000)] + [math.exp(random.uniform(-20, math.log(105615))) for _ in range(30000)]
# near multiples of pi/2
for k in range(1, 67000, 7):
    v = f32(k*math.pi/2)
    xs += [v, frombits(bits(v)+1), frombits(bits(v)-1)]
for x in xs:
    x = f32(x)
    if x == 0: continue
    sref = float(mp.sin(mpf(x))); cref = float(mp.cos(mpf(x)))
    sn, cn = sincos(x)
    e = ulp_err(sref, sn)
    if e > ws[2]: ws = (ulp_dist(f32(sref), sn), x, e)
    e = ulp_err(cref, cn)
    if e > wc[2]: wc = (ulp_dist(f32(cref), cn), x, e)
    tref = float(mp.tan(mpf(x))); r, q = red(x)
    tn = f32(sn/cn)
    e = ulp_err(tref, tn)
    if e > wt[2]: wt = (ulp_dist(f32(tref), tn), x, e)
print('sin', ws); print('cos', wc); print('tan', wt)
