from common import *
import sys
def g(f):
    f = mpf(f)
    if abs(f) < mpf(10)**-20: return -mpf(1)/2 + f/3
    return (mp.log1p(f)-f)/f**2
deg = int(sys.argv[1])
c, err = fit(g, -1/3-1e-3, 1/3+1e-3, deg)
print(deg, err, c)
LN2HI = f32(math.log(2)); LN2LO = f32(float(mp.log(2) - mpf(LN2HI)))
def logf(x):
    sub = x < 2**-126
    xs = mul(x, 2.0**23) if sub else x
    ix = bits(xs)
    e = (ix - 0x3f2aaaab) >> 23   # ix positive so arithmetic ok

    m = frombits(ix - (e << 23))
    if sub: e -= 23
    f = add(m, -1.0)
    s = mul(f, f)
    q = horner(f, c)
    r = fma(q, s, f)
    ef = float(e)
    r = fma(ef, LN2LO, r)
    r = fma(ef, LN2HI, r)
    return r
random.seed(1); worst = (0, 0, 0)
xs = [math.exp(random.uniform(math.log(1e-45), math.log(3.4e38))) for _ in range(40000)] + [random.uniform(0.5,2) for _ in range(40000)]
for x in xs:
    x = f32(x)
    if x == 0: continue
    ref = float(mp.log(mpf(x)))
    got = logf(x)
    e = ulp_dist(f32(ref), got)
    if e > worst[0] or (e == worst[0] and ulp_err(ref, got) > worst[2]): worst = (e, x, ulp_err(ref, got))
print(worst)
