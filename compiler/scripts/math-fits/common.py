import struct, math, random
from mpmath import mp, mpf
mp.dps = 40
def f32(v):
    try:
        return struct.unpack('f', struct.pack('f', v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)
def fma(a,b,c): return f32(a*b+c)
def mul(a,b): return f32(a*b)
def add(a,b): return f32(a+b)
def bits(x): return struct.unpack('<I', struct.pack('<f', x))[0]
def frombits(b): return struct.unpack('<f', struct.pack('<I', b & 0xffffffff))[0]
def ulp_dist(exp, got):
    def o(f):
        b = struct.unpack('<i', struct.pack('<f', f))[0]
        return -(2**31) - b if b < 0 else b
    return abs(o(exp)-o(got))
def ulp_err(ref, got):
    # error in float ulps of ref (continuous): ulp of the float near ref
    r = f32(ref)
    if r == 0 or math.isinf(r): return 0 if got == r else abs(got-ref)/2**-149
    e = math.frexp(abs(ref))[1]
    u = max(2.0**(e-24), 2**-149)
    return abs(got-ref)/u
def horner(z, c):
    p = c[-1]
    for ci in reversed(c[:-1]):
        p = fma(p, z, ci)
    return p
def fit(fn, a, b, deg):
    coeffs, err = mp.chebyfit(fn, [a, b], deg+1, error=True)
    # mpmath returns highest degree first
    c = [f32(float(x)) for x in reversed(coeffs)]
    return c, float(err)

def worst_case(fn, reference, xs):
    """The largest ulp distance of fn from the float-rounded reference over xs: (ulps, x, continuous error)."""
    worst = (0, 0, 0)
    for x in xs:
        x = f32(x)
        ref = float(reference(mpf(x)))
        got = fn(x)
        e = ulp_dist(f32(ref), got)
        if e > worst[0] or (e == worst[0] and ulp_err(ref, got) > worst[2]):
            worst = (e, x, ulp_err(ref, got))
    return worst

def odd_tail(fn, s):
    """(f(x) − x)/x³ at s = x² for an odd f with f'(0) = 1 (the series' limit near 0)."""
    s = mpf(s)
    if s < mpf(10)**-30:
        return mp.diff(fn, 0, 3)/6
    x = mp.sqrt(s)
    return (fn(x) - x)/(x*s)
def odd_eval(x, c):
    """x + x³·P(x²), P by Horner in float."""
    s = mul(x, x)
    return fma(mul(x, s), horner(s, c), x)
