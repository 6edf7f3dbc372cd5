from common import *
L = float(mp.log(2)/2)+1e-3
def g(r):
    r = mpf(r)
    if abs(r) < mpf(10)**-20: return mpf(1)/2 + r/6
    return (mp.exp(r)-1-r)/r**2
import sys
deg = int(sys.argv[1])
c, err = fit(g, -L, L, deg)
print(deg, err, c)
exec(open('expcore.py').read())  # expf() with the committed coefficients EXPC ...
EXPC = c                           # ... evaluated with the ones just fitted
random.seed(1)
xs = [random.uniform(-104, 89) for _ in range(60000)] + [random.uniform(-1,1) for _ in range(20000)]
print(worst_case(expf, mp.exp, xs))
