from common import *
import sys
d = int(sys.argv[1])
# atanh series tail: log m = 2s + 2s^3 R(s^2), R(z) = (atanh(sqrt z) - sqrt z)/(z sqrt z)
def R(z):
    z = mpf(z)
    if z < mpf(10)**-30: return 2*(mpf(1)/5 + z/7)
    s = mp.sqrt(z); return 2*((mp.atanh(s) - s)/(z*s) - mpf(1)/3)/z
smax = 1/7.0 + 1e-3  # m in [2/3,4/3): s = f/(2+f) in [-1/5, 1/7]
c, err = fit(R, 0, 0.2**2 + 1e-3, d)
print(err, c)
L2E = f32(float(1/mp.log(2))); L2ET = f32(float(1/mp.log(2) - mpf(L2E)))
LN2F = f32(float(mp.log(2))); LN2T = f32(float(mp.log(2)-mpf(LN2F)))
exec(open('expcore.py').read())
C23 = f32(2/3); C23L = f32(float(mpf(2)/3 - mpf(C23)))
def div(a,b): return f32(a/b)
def log2dd(x):
    ix = bits(x)
    e = (ix - 0x3f2aaaab) >> 23
    m = frombits(ix - (e << 23))
    f = add(m, -1.0)
    u = add(f, 2.0)             # 2 + f exact? f in [-1/3,1/3]: not always exact
    ul = add(f, -add(u, -2.0))  # error of u
    sh = div(f, u)
    # remainder: f - sh*(u+ul)
    rem = fma(-sh, u, f); rem = fma(-sh, ul, rem)
    sl = div(rem, u)
    z = mul(sh, sh); zl = fma(sh, sh, -z)
    s3 = mul(sh, z); s3l = fma(sh, z, -s3); s3l = fma(sh, zl, s3l)
    leadh = mul(s3, C23); leadl = fma(s3, C23, -leadh); leadl = fma(s3l, C23, leadl); leadl = fma(s3, C23L, leadl)
    rest = mul(mul(s3, z), horner(z, c))
    two = mul(sh, 2.0)
    lh = add(two, leadh); e1 = add(leadh, -add(lh, -two))
    ll = add(add(e1, leadl), fma(sl, fma(z, 2.0, 2.0), rest))
    # times log2e as double-float
    ph = mul(lh, L2E); pl = fma(lh, L2E, -ph); pl = fma(lh, L2ET, pl); pl = fma(ll, L2E, pl)
    # + e (fast two-sum, |e| >= |ph| when e != 0)
    ef = float(e)
    s = add(ef, ph); err = add(ph, -add(s, -ef))
    lo = add(err, pl)
    hi = add(s, lo); lo = add(lo, -add(hi, -s))
    return hi, lo
def powf(x, y):
    hi, lo = log2dd(x)
    th = mul(y, hi); tl = fma(y, hi, -th); tl = fma(y, lo, tl)
    th = min(max(th, -200.0), 200.0)
    j = float(round(th)); rr = add(th, -j); rr = add(rr, tl)
    r = mul(rr, LN2F); rl = fma(rr, LN2F, -r); rl = fma(rr, LN2T, rl)
    r = add(r, rl)
    p = horner(r, EXPC); p = fma(p, mul(r, r), r); p = add(p, 1.0)
    j = int(j); j1 = j >> 1; j2 = j - j1
    if j1 < -126 or j2 < -126: return 0.0
    if j1 > 127 or j2 > 127: return math.inf
    return mul(mul(p, 2.0**j1), 2.0**j2)
random.seed(2); worst=(0,0,0,0); wl=(0,0,0)
for i in range(60000):
    x = f32(math.exp(random.uniform(-80, 80)))
    y = f32((random.random()*2-1) * 140 / max(abs(math.log(x)), 0.25)) if i % 2 else f32(random.uniform(-10,10))
    ref = float(mp.power(mpf(x), mpf(y)))
    if ref > 3.4028234663852886e38 or ref < 1e-46: continue
    got = powf(x, y)
    e = ulp_err(ref, got)
    if e > worst[3]: worst = (ulp_dist(f32(ref), got), x, y, e)
    h, l = log2dd(x); lr = mp.log(mpf(x), 2)
    if lr != 0:
        el = float(abs((mpf(h)+mpf(l) - lr)/lr))
        if el > wl[0]: wl = (el, x, math.log2(el))
print(worst, wl)
