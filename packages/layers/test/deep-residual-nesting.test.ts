// Issue 19 item 12: 20,000 Residuals nested in each other overflowed the stack in every pass
// (each level called the next). Now each pass walks the nesting in a loop.
import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dense, ModelFileError, Residual, Sequential } from "../src/index.js";

const DEPTH = 20_000;

/** Dense(2→2) with W = [[1, 2], [3, 4]] and b = [0.5, -0.5], in float64 so every sum below is exact. */
function dense(): Dense {
  const d = new Dense(2, 2, { dtype: "float64", init: "zeros" });
  d.parameters()[0].value.data.set([1, 2, 3, 4]);
  d.parameters()[1].value.data.set([0.5, -0.5]);
  return d;
}

function nest(depth: number): Residual {
  let r = new Residual(dense());
  for (let i = 1; i < depth; i++) r = new Residual(r);
  return r;
}

describe("deep-residual-nesting-no-stack-overflow", () => {
  it("forward, backward and parameters of 20,000 levels, against the closed form", () => {
    const model = new Sequential([nest(DEPTH)]);
    // Level k adds x to level k + 1's output, so n levels give y = n·x + (x·W + b).
    // x = [1, -2]: x·W = [1 − 6, 2 − 8] = [−5, −6]; y = [20000 − 5 + 0.5, −40000 − 6 − 0.5].
    const x = tensor([[1, -2]], "float64");
    expect(model.forward(x).toArray()).toEqual([[19995.5, -40006.5]]);
    // dL/dx = n·dy + dy·Wᵀ; dy = [1, 1]: dy·Wᵀ = [1 + 2, 3 + 4] = [3, 7]. dW = xᵀ·dy, db = dy.
    const dx = model.backward(tensor([[1, 1]], "float64"));
    expect(dx.toArray()).toEqual([[20003, 20007]]);
    const [w, b] = model.parameters();
    expect(w.name).toBe(`layers.0.${Array.from({ length: DEPTH }, () => "block").join(".")}.weight`);
    expect(Array.from(w.grad.data)).toEqual([1, 1, -2, -2]);
    expect(Array.from(b.grad.data)).toEqual([1, 1]);
    expect(model.layers[0].describe()).toBe("Residual×20000(Dense(2→2))");
  });

  it("toJSON writes the nesting as depth (JSON.stringify could not write 20,000 levels), fromJSON rebuilds it", () => {
    const model = new Sequential([nest(DEPTH)]);
    const file = model.toJSON();
    expect(file.layers[0].config.depth).toBe(DEPTH);
    const text = JSON.stringify(file);
    const loaded = Sequential.fromJSON(text);
    const r = loaded.layers[0] as Residual;
    expect(r.depth).toBe(DEPTH);
    expect(loaded.forward(tensor([[1, -2]], "float64")).toArray()).toEqual([[19995.5, -40006.5]]);
    expect(loaded.cast("float32").layers[0]).toHaveProperty("depth", DEPTH);
  });

  it("one and two levels keep their behaviour; a depth beyond the file limit is refused by name", () => {
    const one = new Sequential([new Residual(dense())]);
    expect(JSON.stringify(one.toJSON())).not.toContain('"depth"');
    expect(one.forward(tensor([[1, -2]], "float64")).toArray()).toEqual([[-3.5, -8.5]]);
    expect(new Residual(new Residual(dense())).describe()).toBe("Residual(Residual(Dense(2→2)))");
    const file = JSON.parse(JSON.stringify(new Sequential([nest(2)]).toJSON())) as { layers: { config: { depth: number } }[] };
    file.layers[0].config.depth = 2 ** 30;
    expect(() => Sequential.fromJSON(file)).toThrow(ModelFileError);
    expect(() => Sequential.fromJSON(file)).toThrow("depth is 1073741824, more than the 1048576 levels a model file may nest");
  });
});
