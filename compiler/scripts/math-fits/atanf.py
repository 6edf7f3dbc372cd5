# atanf/atan2f: atan t = t + t³·P(t²) on 0 <= t <= 1 (P of degree argv[1]); atan2f's octant arithmetic simulated.
from common import *
import sys
deg = int(sys.argv[1])
c, err = fit(lambda s: odd_tail(mp.atan, s), 0, 1.0, deg)
print(deg, err, c)
PIO2 = f32(float(mp.pi/2)); PIO2L = f32(float(mp.pi/2 - mpf(PIO2)))
PI = f32(float(mp.pi)); PIL = f32(float(mp.pi - mpf(PI)))
def atan2f(y, x):
    ax, ay = abs(x), abs(y)
    swap = ay > ax
    num, den = (ax, ay) if swap else (ay, ax)
    a = odd_eval(f32(num/den), c)
    neg = math.copysign(1, x) < 0
    if swap: ch, cl, a = PIO2, PIO2L, (a if neg else -a)
    elif neg: ch, cl, a = PI, PIL, -a
    else: ch, cl = 0.0, 0.0
    return math.copysign(add(ch, add(cl, a)), y)
random.seed(1)
xs = [math.exp(random.uniform(-30, 30)) * random.choice([-1, 1]) for _ in range(40000)] + [random.uniform(-1, 1) for _ in range(20000)]
print('atanf', worst_case(lambda x: atan2f(x, 1.0), mp.atan, xs))
w = (0, 0, 0)
for _ in range(40000):
    x = f32(random.choice([-1, 1]) * math.exp(random.uniform(-3, 3))); y = f32(random.choice([-1, 1]) * math.exp(random.uniform(-3, 3)))
    r = float(mp.atan2(mpf(y), mpf(x))); g = atan2f(y, x); e = ulp_err(r, g)
    if e > w[2]: w = (ulp_dist(f32(r), g), (y, x), e)
print('atan2f', w)
