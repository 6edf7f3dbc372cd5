from common import *
import sys
exec(open('expcore.py').read())
K = 2.0
VAR = int(sys.argv[2]) if len(sys.argv) > 2 else 1
def S(t):
    t = mpf(t); x = K*(1+t)/(1-t)
    return (1+2*x if VAR else 1)*mp.exp(x*x)*mp.erfc(x)
d = int(sys.argv[1])
lo_t = (0.5-K)/(0.5+K); hi_t = (10.5-K)/(10.5+K)
c, err = fit(S, lo_t-1e-3, hi_t+1e-3, d)
print(err, c)
C1 = [0.12837915122509003, -0.3761252760887146, 0.11282186955213547, -0.02678043022751808, 0.005014027934521437, -0.0006100191385485232]
def expparts(hi, lo):
    j = float(round(mul(hi, L2E)))
    r = fma(-j, LN2HI_E, hi); r = fma(-j, LN2LO_E, r); r = add(r, lo)
    p = horner(r, EXPC); p = fma(p, mul(r, r), r); p = add(p, 1.0)
    return p, int(j)
def tail(a, alo=0.0):
    a = min(a, 10.5)
    t = f32(add(a, -K) / add(a, K))
    s = horner(t, c)
    q = f32(s / fma(a, 2.0, 1.0)) if VAR else s
    sq = mul(a, a); sql = fma(a, a, -sq)
    sql = fma(mul(a, 2.0), alo, sql)
    p, j = expparts(-sq, -sql)
    j1 = j >> 1; j2 = j - j1
    return mul(mul(mul(p, q), 2.0**j1), 2.0**j2)
def erfcf(x):
    a = abs(x)
    if a <= 0.5:
        return add(1.0, -fma(horner(mul(x,x), C1), x, x))
    c_ = tail(a)
    return add(2.0, -c_) if x < 0 else c_
random.seed(1)
xs = [random.uniform(-4, 10.1) for _ in range(40000)] + [random.uniform(0.3,1) for _ in range(10000)] + [random.uniform(8.5,10.1) for _ in range(10000)]
print(worst_case(erfcf, mp.erfc, xs))
