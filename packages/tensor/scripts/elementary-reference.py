#!/usr/bin/python3
"""Reference values for @nn/tensor's own elementary functions (src/math/), and their constants.

Writes test/fixtures/elementary-reference.bin: for each function, points and the exact value
rounded to a double-double (hi + lo), as little-endian float64 records
[x, hi, e] (pow: [x, y, hi, e]), e = (exact − hi)/ulp(hi). mpmath at 300 bits is the reference. With --constants, prints the constants of src/math/ instead. Run once (needs
python3-mpmath: apt-get install -y python3-mpmath); the file is committed.

  /usr/bin/python3 packages/tensor/scripts/elementary-reference.py
"""
import random
import struct
import os
import math
from mpmath import mp, mpf

mp.prec = 300
# ELEMENTARY_POINTS, ELEMENTARY_SEED and ELEMENTARY_OUT make a larger one-off set (see the README)
random.seed(int(os.environ.get("ELEMENTARY_SEED", "20261206")))
N = int(os.environ.get("ELEMENTARY_POINTS", "3000"))


def rand_double_bits(lo_exp, hi_exp):
    """A double with a uniformly random fraction and an exponent in [lo_exp, hi_exp]."""
    return math.ldexp(1 + random.random(), random.randint(lo_exp, hi_exp))


def points(kind):
    p = []
    u = random.uniform
    if kind == "exp":
        p += [u(-745.2, 709.8) for _ in range(N // 3)]
        p += [u(700, 709.782712893384) for _ in range(N // 6)]
        p += [u(-745.14, -700) for _ in range(N // 6)]
        p += [random.choice((-1, 1)) * rand_double_bits(-60, 4) for _ in range(N // 3)]
    elif kind == "expm1":
        p += [u(-40, 709.78) for _ in range(N // 3)]
        p += [u(-3, 3) for _ in range(N // 3)]
        p += [random.choice((-1, 1)) * rand_double_bits(-60, 0) for _ in range(N // 3)]
    elif kind == "log":
        p += [rand_double_bits(-1022, 1023) for _ in range(N // 3)]
        p += [random.randint(1, 2**52 - 1) * 2.0**-1074 for _ in range(N // 6)]  # subnormal
        p += [1 + random.choice((-1, 1)) * rand_double_bits(-52, -2) for _ in range(N // 3)]
        p += [u(0.5, 2) for _ in range(N // 6)]
    elif kind == "log1p":
        p += [rand_double_bits(-60, 1000) for _ in range(N // 3)]
        p += [-rand_double_bits(-60, -1) for _ in range(N // 3)]
        p += [-1 + rand_double_bits(-52, -2) for _ in range(N // 6)]
        p += [u(-0.3, 0.5) for _ in range(N // 6)]
    elif kind == "tanh":
        p += [u(-23, 23) for _ in range(N // 2)]
        p += [random.choice((-1, 1)) * rand_double_bits(-60, 1) for _ in range(N // 2)]
    elif kind in ("sin", "cos"):
        p += [u(-10, 10) for _ in range(N // 4)]
        p += [random.choice((-1, 1)) * rand_double_bits(-30, 20) for _ in range(N // 4)]
        p += [random.choice((-1, 1)) * rand_double_bits(20, 1023) for _ in range(N // 4)]
        # doubles nearest to multiples of pi/2, where reduction cancels most
        p += [float(random.randint(1, 2**20) * mp.pi / 2) for _ in range(N // 4)]
    return p


def print_constants():
    """The constants in src/math/: Taylor coefficients, splits of ln 2 and pi/2, 2/pi's bits, tanh's fit."""
    from mpmath import bernoulli, factorial, chebyfit, sqrt, tanh, log, pi, floor

    def d(x):
        return repr(float(x))

    def cut(x, bits):  # x truncated to `bits` significant bits
        scale = mpf(2) ** (bits - 1 - int(floor(mp.log(abs(x), 2))))
        return floor(x * scale) / scale

    print("exp P_n = 2 B_2n/(2n)!", [d(2 * bernoulli(2 * n) / factorial(2 * n)) for n in range(1, 8)])
    print("expm1 Q_n = 2^n 12 B_2n+2/(2n+2)!", [d(12 * bernoulli(2 * n + 2) / factorial(2 * n + 2) * 2**n) for n in range(1, 8)])
    print("log 2/(2n+1)", [d(mpf(2) / (2 * n + 1)) for n in range(1, 11)])
    print("sin", [d((-1) ** n / factorial(2 * n + 1)) for n in range(1, 10)])
    print("cos", [d((-1) ** n / factorial(2 * n)) for n in range(2, 11)])
    print("1/n! (hi, lo)", [(d(1 / factorial(n)), d(1 / factorial(n) - mpf(float(1 / factorial(n))))) for n in range(0, 17)])
    l2 = log(2)
    hi = cut(l2, 32)
    lo = mpf(float(l2 - hi))
    print("ln2 hi, lo, lo2", d(hi), d(lo), d(l2 - hi - lo), "as double-double", d(l2), d(l2 - mpf(float(l2))))
    h = pi / 2
    p1 = cut(h, 33)
    p2 = cut(h - p1, 33)
    p3 = cut(h - p1 - p2, 33)
    print("pi/2 pieces", d(p1), d(h - p1), d(p2), d(h - p1 - p2), d(p3), d(h - p1 - p2 - p3), "dd", d(h), d(h - mpf(float(h))))
    print("floor(2/pi 2^1200)", hex(int(floor(2 / pi * mpf(2) ** 1200))))

    def g(z):
        if z == 0:
            return mpf(-1) / 3
        x = sqrt(z)
        return (tanh(x) / x - 1) / z

    poly, err = chebyfit(g, [0, 0.390625], 12, error=True)
    print("tanh g(z), highest degree first", [d(c) for c in poly], "error", mp.nstr(err, 3))


FUNCS = {
    "exp": mp.exp,
    "expm1": mp.expm1,
    "log": mp.log,
    "log1p": mp.log1p,
    "tanh": mp.tanh,
    "sin": mp.sin,
    "cos": mp.cos,
}


def ulp(hi):
    a = abs(hi)
    if a < 2.0**-1022:
        return mpf(2) ** -1074
    return mpf(2) ** (math.frexp(a)[1] - 53)


def dd(v):
    """The exact value as (nearest double, remainder in ulps of that double)."""
    if abs(v) < mpf(2) ** -1022:  # float() double-rounds subnormals: round on the 2^-1074 grid
        hi = float(mp.nint(v * mpf(2) ** 1074)) * 2.0**-1074
    else:
        hi = float(v)
    if math.isinf(hi):
        return hi, 0.0
    return hi, float((v - mpf(hi)) / ulp(hi))


def pow_points():
    p = []
    u = random.uniform
    for _ in range(N // 3):
        p.append((u(0, 10), u(-60, 60)))
    for _ in range(N // 6):
        p.append((1 + random.choice((-1, 1)) * rand_double_bits(-50, -5), random.choice((-1, 1)) * rand_double_bits(0, 40)))
    for _ in range(N // 6):
        p.append((random.choice((10.0, 0.9, 0.999, 0.5, 2.0, -3.0, 1.5)), float(random.randint(-300, 300))))
    for _ in range(N // 6):  # results near overflow and in the subnormal range
        x = u(1.5, 3)
        target = random.choice((u(700, 709.78), u(-745, -700)))
        p.append((x, target / math.log(x)))
    for _ in range(N // 6):
        p.append((rand_double_bits(-1074 + 52, 1023) if random.random() < 0.9 else random.randint(1, 2**52) * 2.0**-1074, u(-1.2, 1.2)))
    return p


def main():
    out = bytearray()
    names = list(FUNCS) + ["pow"]
    header = []
    for name in names:
        if name == "pow":
            pts = pow_points()
            for x, y in pts:
                v = mp.power(abs(mpf(x)), mpf(y))
                if x < 0 and int(y) % 2 == 1:
                    v = -v
                out += struct.pack("<4d", x, y, *dd(v))
        else:
            pts = points(name)
            for x in pts:
                out += struct.pack("<3d", x, *dd(FUNCS[name](mpf(x))))
        header.append(f"{name}:{len(pts)}")
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.environ.get("ELEMENTARY_OUT") or os.path.join(here, "..", "test", "fixtures", "elementary-reference.bin")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write((",".join(header) + "\n").encode())
        f.write(out)
    print(",".join(header), len(out), "bytes")


if __name__ == "__main__":
    import sys

    if "--constants" in sys.argv:
        mp.prec = 2000
        print_constants()
    else:
        main()
