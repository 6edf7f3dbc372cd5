import sys
sys.argv = ['x', sys.argv[1], sys.argv[2]]
exec(open('erfcf.py').read().split('random.seed(1)')[0])
import collections
hist = collections.Counter(); worst=(0,0,0)
b0 = bits(f32(0.5)); b1 = bits(f32(1.5))
for b in range(b0, b1, 97):
    x = frombits(b)
    ref = float(mp.erfc(mpf(x))); got = erfcf(x)
    e = ulp_err(ref, got)
    hist[int(e)] += 1
    if e > worst[2]: worst = (ulp_dist(f32(ref), got), x, e)
print(worst, sorted(hist.items()))
