/**
 * Matmul throughput of the active kernels on the shapes that matter: a square 512³ and the three
 * products of a 784→256 dense layer's training step at batch 128 (x·W, xᵀ·dy, dy·Wᵀ).
 * Not a test: wall-clock numbers belong in reports, not assertions.
 *
 *   npx tsup scripts/bench-matmul.ts --no-config --format esm -d /tmp/nn-bench --silent
 *   node /tmp/nn-bench/bench-matmul.js [float64,float32] [js|wasm]
 */
import { type DType, type MatmulOptions, type Tensor, createRng, matmul, randn, setBackend, zeros } from "../src/index.js";

interface Case {
  name: string;
  a: number[];
  b: number[];
  options: MatmulOptions;
}

const cases: Case[] = [
  { name: "512×512 · 512×512", a: [512, 512], b: [512, 512], options: {} },
  { name: "x·W    128×784 · 784×256", a: [128, 784], b: [784, 256], options: {} },
  { name: "xᵀ·dy  (128×784)ᵀ · 128×256", a: [128, 784], b: [128, 256], options: { transposeA: true } },
  { name: "dy·Wᵀ  128×256 · (784×256)ᵀ", a: [128, 256], b: [784, 256], options: { transposeB: true } },
];

function flops(c: Case): number {
  const [m, k] = c.options.transposeA ? [c.a[1], c.a[0]] : c.a;
  const n = c.options.transposeB ? c.b[0] : c.b[1];
  return 2 * m * n * k;
}

/** CPU time of this process: other work on a shared machine does not count against the kernel. */
function cpuMillis(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function measure(c: Case, dtype: DType): number {
  const rng = createRng(1);
  const a = randn(c.a, rng, { dtype });
  const b = randn(c.b, rng, { dtype });
  const probe: Tensor = matmul(a, b, c.options);
  const out = zeros(probe.shape, dtype);
  const options = { ...c.options, out };
  // Warm up until the JIT has settled, then time repeated runs for at least half a second.
  for (let i = 0; i < 5; i++) matmul(a, b, options);
  let runs = 0;
  const start = cpuMillis();
  let elapsed = 0;
  while (elapsed < 500) {
    matmul(a, b, options);
    runs++;
    elapsed = cpuMillis() - start;
  }
  return (flops(c) * runs) / (elapsed / 1000) / 1e9;
}

const dtypes = (process.argv[2] ?? "float64,float32").split(",") as DType[];
const backend = process.argv[3] === "wasm" ? "wasm" : "js";
setBackend(backend);
console.log(`matmul kernels: ${backend}`);
for (const dtype of dtypes) {
  for (const c of cases) {
    console.log(`${dtype}  ${c.name.padEnd(32)} ${measure(c, dtype).toFixed(2)} GFLOP/s`);
  }
}
