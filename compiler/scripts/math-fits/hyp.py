from common import *
import sys
exec(open('expcore.py').read())
T = f32(float(sys.argv[1])); dt = int(sys.argv[2]); S = f32(float(sys.argv[3])); ds = int(sys.argv[4])
def PT(s):
    s = mpf(s)
    if s < mpf(10)**-30: return -mpf(1)/3 + 2*s/15
    x = mp.sqrt(s); return (mp.tanh(x) - x)/(x*s)
def PS(s):
    s = mpf(s)
    if s < mpf(10)**-30: return mpf(1)/6 + s/120
    x = mp.sqrt(s); return (mp.sinh(x) - x)/(x*s)
ct, et = fit(PT, 0, T*T*1.001, dt); cs, es = fit(PS, 0, S*S*1.001, ds)
print(et, ct); print(es, cs)
def parts(x):
    j = float(round(mul(x, L2E)))
    r = fma(-j, LN2HI_E, x); r = fma(-j, LN2LO_E, r)
    p = horner(r, EXPC); p = fma(p, mul(r, r), r); p = add(p, 1.0)
    return p, int(j)
def sc(p, j):
    j1 = j >> 1; j2 = j - j1
    return mul(mul(p, 2.0**j1), 2.0**j2)
def tanhf(x):
    a = abs(x)
    if a <= T: return fma(mul(x, mul(x,x)), horner(mul(x,x), ct), x)
    a = min(a, 9.5)
    p, j = parts(mul(a, 2.0)); E = sc(p, j)
    v = add(1.0, -f32(2.0/add(E, 1.0)))
    return math.copysign(v, x)
def e2(a):
    a = min(a, 90.0)
    p, j = parts(a); return sc(p, j-1)
def sinhf(x):
    a = abs(x)
    if a <= S: return fma(mul(x, mul(x,x)), horner(mul(x,x), cs), x)
    E = e2(a); return math.copysign(add(E, -f32(0.25/E)), x)
def coshf(x):
    a = abs(x); E = e2(a); return add(E, f32(0.25/E))
random.seed(1)
for name, fn, ref, lo, hi in [('tanh', tanhf, mp.tanh, -10, 10), ('sinh', sinhf, mp.sinh, -89, 89), ('cosh', coshf, mp.cosh, -89, 89)]:
    worst=(0,0,0)
    xs = [random.uniform(lo, hi) for _ in range(20000)] + [random.uniform(-2, 2) for _ in range(20000)]
    for x in xs:
        x = f32(x); r = float(ref(mpf(x)))
        if abs(r) > 3.4e38: continue
        g = fn(x); e = ulp_err(r, g)
        if e > worst[2]: worst = (ulp_dist(f32(r), g), x, e)
    print(name, worst)
