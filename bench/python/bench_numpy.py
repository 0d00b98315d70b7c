"""NumPy rows of nn's benchmark: the same workloads, data and weights as the JavaScript rows.

Run by bench/src/numpy-runner.ts as `python3 bench_numpy.py SPEC_DIR [--threads N]`; SPEC_DIR
holds spec.json and the raw little-endian float32 arrays it names. Prints one JSON object on stdout.
With `--serve training|matmul INDEX` it instead serves one row of spec.json to the bench's
parent process, which interleaves it with the JavaScript rows (each in a process of its own): one
JSON request per line on stdin, one JSON answer per line on stdout (bench/src/isolated/protocol.ts).
Single-threaded unless --threads says otherwise: the main table uses one core per row; the threads
table (bench/src/workloads/threads.ts) runs this once with --threads 1 and once with --threads 2.
The BLAS reads its thread count from the environment when NumPy is imported, so it is set first.
"""
import os
import sys

THREADS = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "1"
if not THREADS.isdigit() or int(THREADS) < 1:
    sys.exit(f"bench_numpy.py: --threads takes a whole number >= 1, got {THREADS!r}")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[var] = THREADS

import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402


def load(spec_dir, name, shape):
    return np.fromfile(os.path.join(spec_dir, name), dtype="<f4").reshape(shape)


class Mlp:
    """Dense+ReLU hidden layers, sigmoid+BCE or softmax+CE head, plain SGD, all float32."""

    def __init__(self, spec, spec_dir):
        sizes = spec["sizes"]
        self.depth = len(sizes) - 1
        self.bce = spec["loss"] == "bce"
        self.lr = np.float32(spec["lr"])
        self.initial_w = [load(spec_dir, f, (sizes[l], sizes[l + 1])) for l, f in enumerate(spec["weights"])]
        self.initial_b = [load(spec_dir, f, (sizes[l + 1],)) for l, f in enumerate(spec["biases"])]
        self.w = [w.copy() for w in self.initial_w]
        self.b = [b.copy() for b in self.initial_b]

        def batch(b):
            x = load(spec_dir, b["x"], (b["rows"], sizes[0]))
            y = load(spec_dir, b["y"], (b["rows"],))
            if self.bce:
                return x, y.reshape(-1, 1)
            return x, y.astype(np.int64)

        self.batches = [batch(b) for b in spec["batches"]]
        self.eval = batch(spec["evalSet"])
        self.step_index = 0

    def reset(self):
        """The spec's weights again and the first batch next (the JS trainers' reset, after a warm-up)."""
        for w, w0 in zip(self.w, self.initial_w):
            w[...] = w0
        for b, b0 in zip(self.b, self.initial_b):
            b[...] = b0
        self.step_index = 0

    def forward(self, x):
        hs = [x]
        h = x
        for l in range(self.depth):
            z = h @ self.w[l]
            z += self.b[l]
            if l + 1 < self.depth:
                np.maximum(z, 0, out=z)
            hs.append(z)
            h = z
        return hs

    def loss(self):
        x, y = self.eval
        z = self.forward(x)[-1]
        if self.bce:
            p = 1 / (1 + np.exp(-z))
            log_p = np.maximum(np.log(p), -100)  # PyTorch's clamp, as nn's BinaryCrossEntropy
            log_q = np.maximum(np.log(1 - p), -100)
            return float(np.mean(-(y * log_p + (1 - y) * log_q)))
        shifted = z - z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        return float(np.mean(lse - shifted[np.arange(len(y)), y]))

    def run(self):
        x, y = self.batches[self.step_index % len(self.batches)]
        self.step_index += 1
        hs = self.forward(x)
        z = hs[-1]
        if self.bce:
            # d mean(BCE(sigmoid(z), y)) / dz = (sigmoid(z) − y) / N
            dz = (1 / (1 + np.exp(-z)) - y) / np.float32(z.size)
        else:
            # d mean(CE(softmax(z), y)) / dz = (softmax(z) − onehot(y)) / n
            e = np.exp(z - z.max(axis=1, keepdims=True))
            e /= e.sum(axis=1, keepdims=True)
            e[np.arange(len(y)), y] -= 1
            dz = e / np.float32(len(y))
        for l in range(self.depth - 1, -1, -1):
            dw = hs[l].T @ dz
            db = dz.sum(axis=0)
            if l > 0:
                dz = dz @ self.w[l].T
                dz *= hs[l] > 0
            self.w[l] -= self.lr * dw
            self.b[l] -= self.lr * db


class Product:
    def __init__(self, spec, spec_dir):
        m, n, k = spec["m"], spec["n"], spec["k"]
        a = load(spec_dir, spec["a"], (k, m) if spec["transA"] else (m, k))
        b = load(spec_dir, spec["b"], (n, k) if spec["transB"] else (k, n))
        self.a = a.T if spec["transA"] else a
        self.b = b.T if spec["transB"] else b
        self.out = np.empty((m, n), dtype=np.float32)

    def run(self):
        np.matmul(self.a, self.b, out=self.out)


def median(values):
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def clock_of(name):
    """CPU time of this process (as the JS rows' default) or elapsed time."""
    return time.process_time if name == "cpu" else time.perf_counter


def time_impl(impl, warmup, rounds, units, clock):
    for _ in range(warmup):
        impl.run()
    samples = []
    for _ in range(rounds):
        start = clock()
        for _ in range(units):
            impl.run()
        samples.append((clock() - start) / units)
    return median(samples)


def warm_up(impl, seconds, clock):
    """Runs a throwaway copy for `seconds` before timing (the JS rows' JIT warm-up, timing.ts warmUp); units run."""
    units = 1
    start = clock()
    impl.run()
    while clock() - start < seconds:
        impl.run()
        units += 1
    return units


def calibrate(impl, target_seconds, clock):
    start = clock()
    impl.run()
    once = max(clock() - start, 1e-7)
    return max(1, min(100000, round(target_seconds / once)))


def serve(spec, spec_dir, kind, index):
    if kind not in ("training", "matmul"):
        sys.exit(f"bench_numpy.py: --serve takes training or matmul, got {kind!r}")
    row = spec[kind][index]
    make = Mlp if kind == "training" else Product
    timed = None
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        try:
            timed = timed or make(row, spec_dir)
            if op == "warm":
                answer = {"units": warm_up(timed, request["seconds"], clock_of(request["clock"]))}
                if kind == "training":
                    timed.reset()  # timing starts from the spec's weights, as every row's
            elif op == "calibrate":
                answer = {"units": calibrate(timed, request["seconds"], clock_of(request["clock"]))}
            elif op == "run":
                for _ in range(request["units"]):
                    timed.run()
                answer = {}
            elif op == "sample":
                clock = clock_of(request["clock"])
                start = clock()
                for _ in range(request["units"]):
                    timed.run()
                answer = {"seconds": (clock() - start) / request["units"]}
            elif op == "loss":
                answer = {"loss": timed.loss()}
            elif op == "result":
                timed.out.astype("<f4").tofile(request["path"])
                answer = {}
            else:
                answer = {"error": f"unknown request {op!r}"}
        except Exception as error:  # the parent names the row and prints this
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def main():
    spec_dir = sys.argv[1]
    with open(os.path.join(spec_dir, "spec.json")) as f:
        spec = json.load(f)
    if "--serve" in sys.argv:
        at = sys.argv.index("--serve")
        serve(spec, spec_dir, sys.argv[at + 1], int(sys.argv[at + 2]))
        return
    out = {"numpy": np.__version__, "training": [], "matmul": []}
    for t in spec["training"]:
        mlp = Mlp(t, spec_dir)
        warm_up(mlp, t.get("warmupSeconds", 0), clock_of(t["clock"]))
        mlp.reset()  # warmed, then back to the spec's weights, as the JS rows
        seconds = time_impl(mlp, t["warmup"], t["rounds"], t["unitsPerSample"], clock_of(t["clock"]))
        out["training"].append({"name": t["name"], "secondsPerStep": seconds, "loss": mlp.loss()})
    for p in spec["matmul"]:
        product = Product(p, spec_dir)
        product.run()
        clock = clock_of(p["clock"])
        units = calibrate(product, p["targetSeconds"], clock)
        seconds = time_impl(product, p["warmup"], p["rounds"], units, clock)
        result_file = p["a"] + ".result"
        product.out.astype("<f4").tofile(os.path.join(spec_dir, result_file))
        out["matmul"].append({"name": p["name"], "secondsPerUnit": seconds, "result": result_file})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
