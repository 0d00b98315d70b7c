import { describe, expect, it } from "vitest";
import { add, createRng, randn, tensor } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

// [rows, cols] + [cols] takes the bias kernel (addRow); it must give what the element-wise
// definition gives, element by element, in both dtypes, fresh or in place.
describe.each(backends)("add of a row to every row, backend $name", (backend) => {
  useBackend(backend);

  it.each(["float32", "float64"] as const)("%s: each element is a[r, j] + b[j], rounded once", (dtype) => {
    const rng = createRng(4);
    const a = randn([300, 67], rng, { dtype }), b = randn([67], rng, { dtype });
    const expected = new Float64Array(a.size);
    for (let r = 0; r < 300; r++) for (let j = 0; j < 67; j++) expected[r * 67 + j] = a.data[r * 67 + j] + b.data[j];
    const rounded = dtype === "float32" ? Float32Array.from(expected) : expected;
    const fresh = add(a, b);
    expect(Array.from(fresh.data)).toEqual(Array.from(rounded));
    const before = a.data.slice();
    add(a, b, a);
    expect(Array.from(a.data)).toEqual(Array.from(rounded));
    expect(Array.from(before)).not.toEqual(Array.from(a.data));
  });

  it("leaves the general path to mixed dtypes and other shapes", () => {
    expect(add(tensor([[1, 2]], "float32"), tensor([0.5, 0.25], "float64")).toArray()).toEqual([[1.5, 2.25]]);
    expect(add(tensor([1, 2]), tensor([[10], [20]])).toArray()).toEqual([[11, 12], [21, 22]]);
  });
});
