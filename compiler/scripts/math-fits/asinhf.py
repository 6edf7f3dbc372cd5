# asinhf/atanhf on |x| <= argv[3]: x + x³·P(x²) (asinh P of degree argv[1], atanh argv[2]); beyond, through log1pf/logf
# (FunctionEmitter.FloatInverse.cs), measured on the device model.
from common import *
import sys
da, dt, T = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
ca, ea = fit(lambda s: odd_tail(mp.asinh, s), 0, T*T*1.0001, da)
ct, et = fit(lambda s: odd_tail(mp.atanh, s), 0, T*T*1.0001, dt)
print(ea, ca); print(et, ct)
random.seed(1)
xs = [random.uniform(-T, T) for _ in range(40000)] + [math.exp(random.uniform(-20, math.log(T))) for _ in range(10000)]
print('asinhf', worst_case(lambda x: odd_eval(x, ca), mp.asinh, xs))
print('atanhf', worst_case(lambda x: odd_eval(x, ct), mp.atanh, xs))
