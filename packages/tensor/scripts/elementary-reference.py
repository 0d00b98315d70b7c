#!/usr/bin/python3
"""Reference values for @nn/tensor's own elementary functions (src/math/), and their constants.

Writes test/fixtures/elementary-reference.bin: for each function, points and the exact value
rounded to a double-double (hi + lo), as little-endian float64 records
[x, hi, e] (pow: [x, y, hi, e]), e = (exact − hi)/ulp(hi). mpmath at 300 bits is the reference. With --constants, prints the constants of src/math/ instead; with --tables, writes the text of src/math/tables.ts to stdout. Run once (needs
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
    elif kind in ("log", "log10"):
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
    """The constants in src/math/ (the tables are --tables): sin/cos Taylor coefficients, ln 2 and pi/2, 2/pi's bits, tanh's fit."""
    from mpmath import factorial, chebyfit, sqrt, tanh, log, pi, floor

    def d(x):
        return repr(float(x))

    def cut(x, bits):  # x truncated to `bits` significant bits
        scale = mpf(2) ** (bits - 1 - int(floor(mp.log(abs(x), 2))))
        return floor(x * scale) / scale

    print("sin", [d((-1) ** n / factorial(2 * n + 1)) for n in range(1, 10)])
    print("cos", [d((-1) ** n / factorial(2 * n)) for n in range(2, 11)])
    l2 = log(2)
    print("ln2 as double-double (pow)", d(l2), d(l2 - mpf(float(l2))))
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
    "log10": mp.log10,
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


def hard_points(name):
    """Known hard-to-round arguments: ELEMENTARY_HARD names a folder of CORE-MATH worst-case lists
    (<name>.wc, one hex float per line: src/binary64/<name>/<name>.wc in the CORE-MATH project,
    from Lefèvre's searches), whose points are added to the random ones."""
    folder = os.environ.get("ELEMENTARY_HARD")
    limit = int(os.environ.get("ELEMENTARY_HARD_LIMIT", "0")) or None  # at most this many per function
    path = os.path.join(folder, name + ".wc") if folder else None
    if not path or not os.path.exists(path):
        return []
    found = []
    with open(path) as f:
        for line in f:
            token = line.split("#")[0].split()
            if not token:
                continue
            try:
                x = float.fromhex(token[0])
            except ValueError:  # snan and the like
                continue
            if math.isfinite(x) and (name not in ("log", "log10", "log1p") or x > (-1 if name == "log1p" else 0)):
                found.append(x)
    return found[:limit]


def main():
    out = bytearray()
    # ELEMENTARY_FUNCTIONS=exp,log limits a one-off set to some functions
    wanted = os.environ.get("ELEMENTARY_FUNCTIONS")
    names = [n for n in list(FUNCS) + ["pow"] if not wanted or n in wanted.split(",")]
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
            pts = points(name) + hard_points(name)
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


def print_tables():
    """src/math/tables.ts: exp's 2^(i/256) and log's 1/c, -ln c as double-doubles."""
    mp.prec = 2000

    def pair(v):
        hi = float(v)
        return hi, float(v - mpf(hi))

    def cut(x, bits):
        scale = mpf(2) ** (bits - 1 - int(mp.floor(mp.log(abs(x), 2))))
        return mp.floor(x * scale) / scale

    def arr(name, values, doc):
        body = ",\n".join("  " + ", ".join(repr(v) for v in values[i:i + 4]) for i in range(0, len(values), 4))
        return f"/** {doc} */\nexport const {name} = new Float64Array([\n{body},\n]);\n"

    out = ["// Generated by scripts/elementary-reference.py --tables (mpmath at 2000 bits); do not edit.\n"]
    table = [pair(mpf(2) ** (mpf(i) / 256)) for i in range(256)]
    out.append(arr("EXP_T", [v for p in table for v in p], "2^(i/256) for i = 0…255 as (hi, lo) pairs."))
    c = mp.log(2) / 256
    ch = cut(c, 34)
    cm = cut(c - ch, 34)
    cl = c - ch - cm
    out.append(f"/** ln 2/256 = LN2_256_HI + LN2_256_MID + LN2_256_LO, the first two with 34 significant bits. */\n")
    out.append(f"export const LN2_256_HI = {float(ch)!r};\nexport const LN2_256_MID = {float(cm)!r};\nexport const LN2_256_LO = {float(cl)!r};\n")
    l2 = mp.log(2)
    lh = cut(l2, 42)
    out.append(f"/** ln 2 = LN2_HI42 + LN2_LO42 (+ under 2^-96): e·LN2_HI42 is exact for |e| < 2^11. */\n")
    out.append(f"export const LN2_HI42 = {float(lh)!r};\nexport const LN2_LO42 = {float(l2 - lh)!r};\n")
    inv, neg_log = [], []
    for j in range(-75, 107):
        cj = float(1 / (1 + mpf(j) / 256))
        inv.append(cj)
        neg_log.extend(pair(-mp.log(mpf(cj))))
    out.append(arr("LOG_INV", inv, "c_j ≈ 1/(1 + j/256) for j = −75…106 (index j + 75), each a double."))
    out.append(arr("LOG_NEG_LN", neg_log, "−ln c_j of exactly those doubles, as (hi, lo) pairs."))
    print("\n".join(out), end="")


if __name__ == "__main__":
    import sys

    if "--tables" in sys.argv:
        print_tables()
        sys.exit(0)
    if "--constants" in sys.argv:
        mp.prec = 2000
        print_constants()
    else:
        main()
