import { type Kernels, type Tensor, type TypedArray, createRng, jsKernels, kernels, randn, setKernels, wasmKernels } from "@nn/tensor";
import { afterEach, describe, expect, it } from "vitest";
import { Dense, Dropout, ReLU, Sequential, Sigmoid } from "../src/index.js";

// A Dense followed by a ReLU in a Sequential runs as one product with a bias-and-ReLU epilogue,
// and training without an input gradient skips the first layer's dL/dx. Both must change no
// bit of any result: each case below runs the same layers one at a time (no fusion, full
// backward) and compares every output, gradient and parameter gradient with Object.is.

const backends: Kernels[] = wasmKernels === null ? [jsKernels] : [jsKernels, wasmKernels];
const original = kernels();
afterEach(() => setKernels(original));

function sameBits(a: Tensor, b: Tensor): boolean {
  if (a.size !== b.size) return false;
  for (let i = 0; i < a.size; i++) if (!Object.is(a.data[i], b.data[i])) return false;
  return true;
}

/** Two identical copies of 5→64→32→1 (ReLU, ReLU, Sigmoid) from one seed, biases non-zero. */
function twin(dtype: "float32" | "float64"): [Dense[], Sequential, Dense[], Sequential] {
  const make = (): [Dense[], Sequential] => {
    const rng = createRng(7);
    const dense = [new Dense(5, 64, { rng, dtype }), new Dense(64, 32, { rng, dtype }), new Dense(32, 1, { rng, dtype })];
    dense.forEach((d, i) => d.bias?.value.data.forEach((_, j, b) => { b[j] = ((j % 7) - 3) * 0.05 * (i + 1); }));
    return [dense, new Sequential([dense[0], new ReLU(), dense[1], new ReLU(), dense[2], new Sigmoid()])];
  };
  return [...make(), ...make()];
}

describe.each(backends)("Dense + ReLU fusion, backend $name", (backend) => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: the fused model's output, dL/dx and every parameter gradient have the bits of the layers run one by one`, () => {
      setKernels(backend);
      const [dense, model, refDense] = twin(dtype);
      const relus = [new ReLU(), new ReLU()], sigmoid = new Sigmoid();
      const x = randn([300, 5], createRng(3), { dtype });
      const dy = randn([300, 1], createRng(4), { dtype });
      for (let step = 0; step < 2; step++) { // the second step accumulates into non-zero gradients
        const y = model.forward(x);
        const h1 = relus[0].forward(refDense[0].forward(x));
        const h2 = relus[1].forward(refDense[1].forward(h1));
        const yRef = sigmoid.forward(refDense[2].forward(h2));
        expect(sameBits(y, yRef)).toBe(true);
        const dx = model.backward(dy);
        const g2 = relus[1].backward(refDense[2].backward(sigmoid.backward(dy)));
        const dxRef = refDense[0].backward(relus[0].backward(refDense[1].backward(g2)));
        expect(sameBits(dx, dxRef)).toBe(true);
        dense.forEach((d, i) => {
          expect(sameBits(d.weight.grad, refDense[i].weight.grad), `weight ${i}`).toBe(true);
          expect(sameBits(d.bias?.grad as Tensor, refDense[i].bias?.grad as Tensor), `bias ${i}`).toBe(true);
        });
      }
    });

    it(`${dtype}: backwardToParameters adds the same bits as backward, with one product fewer`, () => {
      const [dense, model, refDense, refModel] = twin(dtype);
      const x = randn([40, 5], createRng(5), { dtype });
      const dy = randn([40, 1], createRng(6), { dtype });
      let products = 0;
      setKernels({ ...backend, matmul(...args: Parameters<Kernels["matmul"]>) { products++; backend.matmul(...args); } });
      refModel.forward(x);
      products = 0;
      refModel.backward(dy);
      const full = products;
      model.forward(x);
      products = 0;
      model.backwardToParameters(dy);
      // backward: two products per Dense (xᵀ·dy accumulated, dy·Wᵀ); without dL/dx the first
      // layer's dy·Wᵀ is not computed
      expect([full, products]).toEqual([6, 5]);
      dense.forEach((d, i) => {
        expect(sameBits(d.weight.grad, refDense[i].weight.grad), `weight ${i}`).toBe(true);
        expect(sameBits(d.bias?.grad as Tensor, refDense[i].bias?.grad as Tensor), `bias ${i}`).toBe(true);
      });
    });
  }

  it("a Dense and its ReLU are one kernel call: one product, no separate bias or ReLU pass", () => {
    const calls: string[] = [];
    const counting = { ...backend };
    for (const name of ["matmul", "positivePart", "addToRows", "relu", "addRow"] as const) {
      const inner = Reflect.get(backend, name) as (...args: unknown[]) => void;
      (counting as Record<string, unknown>)[name] = (...args: unknown[]): void => {
        calls.push(name);
        inner.apply(backend, args);
      };
    }
    setKernels(counting);
    new Sequential([new Dense(3, 8), new ReLU()]).forward(randn([16, 3], createRng(1)));
    expect(calls).toEqual(["matmul"]);
  });

  it("layers before the first parameter are not visited without an input gradient", () => {
    setKernels(backend);
    const dropout = new Dropout({ p: 0.5 });
    let visited = 0;
    const backward = dropout.backward.bind(dropout);
    dropout.backward = (dy: Tensor, out?: Tensor): Tensor => {
      visited++;
      return backward(dy, out);
    };
    const model = new Sequential([dropout, new Dense(3, 2)]);
    model.forward(randn([4, 3], createRng(1)));
    model.backwardToParameters(randn([4, 2], createRng(2)));
    expect(visited).toBe(0);
    model.backward(randn([4, 2], createRng(2)));
    expect(visited).toBe(1);
  });

  it("a ReLU subclass is not fused: its own pass runs", () => {
    setKernels(backend);
    let applied = 0;
    class CountingReLU extends ReLU {
      protected override apply(x: TypedArray, y: TypedArray): void {
        applied++;
        super.apply(x, y);
      }
    }
    const model = new Sequential([new Dense(3, 4), new CountingReLU()]);
    model.forward(randn([2, 3], createRng(1)));
    expect(applied).toBe(1);
  });
});
