from common import *
import sys
T = f32(float(sys.argv[3]))
C = T
def R(s):
    s = mpf(s)
    if s < mpf(10)**-30: return 2/mp.sqrt(mp.pi) - 1 - 2/mp.sqrt(mp.pi)*s/3
    x = mp.sqrt(s); return mp.erf(x)/x - 1
def G(u):
    t = mpf(u) + C
    return mp.log(mp.erfc(t))
d1 = int(sys.argv[1]); d2 = int(sys.argv[2])
c1, e1 = fit(R, 0, T*T+1e-3, d1)
c2, e2 = fit(G, T-C-1e-3, 4-C, d2)
print(e1, c1); print(e2, c2)
exec(open('expcore.py').read())
def erff(x):
    a = abs(x)
    s = mul(x, x)
    small = fma(horner(s, c1), x, x)
    t = min(max(a, T), 4.0)
    g = horner(add(t, -C), c2)
    big = math.copysign(add(1.0, -expf(g)), x)
    return small if a <= T else big
random.seed(1)
xs = [random.uniform(-5, 5) for _ in range(50000)] + [random.uniform(-1.2,1.2) for _ in range(20000)] + [random.uniform(T-0.1,T+0.1) for _ in range(5000)]
print(worst_case(erff, mp.erf, xs))
