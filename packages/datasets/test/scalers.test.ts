import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { MinMaxScaler, StandardScaler, oneHot } from "../src/index.js";

// Columns: [1, 2, 3], [10, 20, 60], a constant column of 5.
const x = new Tensor(Float64Array.from([1, 10, 5, 2, 20, 5, 3, 60, 5]), [3, 3]);

describe("StandardScaler", () => {
  it("uses the population standard deviation and maps a constant column to 0", () => {
    const s = new StandardScaler().fit(x);
    // Column 0: mean 2, variance (1 + 0 + 1)/3 = 2/3. Column 1: mean 30, variance (400 + 100 + 900)/3 = 1400/3.
    expect(Array.from(s.mean ?? [])).toEqual([2, 30, 5]);
    expect(s.scale?.[0]).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(s.scale?.[1]).toBeCloseTo(Math.sqrt(1400 / 3), 12);
    expect(s.scale?.[2]).toBe(1);
    const z = s.transform(x);
    expect(z.data[0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 14);
    expect(z.data[7]).toBeCloseTo(30 / Math.sqrt(1400 / 3), 14);
    expect([z.data[2], z.data[5], z.data[8]]).toEqual([0, 0, 0]);
  });

  it("inverseTransform undoes transform, and toJSON/fromJSON survives JSON text", () => {
    const s = new StandardScaler();
    const z = s.fitTransform(x);
    const back = s.inverseTransform(z);
    back.data.forEach((v, i) => expect(v).toBeCloseTo(x.data[i], 12));
    const restored = StandardScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())) as ReturnType<StandardScaler["toJSON"]>);
    expect(Array.from(restored.transform(x).data)).toEqual(Array.from(z.data));
  });

  it("writes into out and keeps the input's dtype", () => {
    const x32 = x.astype("float32");
    const out = new Tensor(new Float32Array(9), [3, 3]);
    const z = new StandardScaler().fitTransform(x32, out);
    expect(z).toBe(out);
    expect(z.dtype).toBe("float32");
  });

  it("names the problem: not fitted, wrong feature count, bad JSON", () => {
    expect(() => new StandardScaler().transform(x)).toThrow(/StandardScaler.transform: call fit/);
    const s = new StandardScaler().fit(x);
    expect(() => s.transform(new Tensor(new Float64Array(4), [2, 2]))).toThrow(/fitted on 3 features, got x of shape \[2,2\]/);
    expect(() => StandardScaler.fromJSON({ type: "MinMaxScaler" } as never)).toThrow(/expected an object with type "StandardScaler"/);
    const withNaN = new Tensor(Float64Array.from([1, NaN]), [2, 1]);
    expect(() => new MinMaxScaler().fit(withNaN)).toThrow("MinMaxScaler.fit: x[1][0] is NaN; scalers need finite values");
  });
});

describe("MinMaxScaler", () => {
  it("maps each column onto [0, 1], and a constant column onto 0 without dividing by zero", () => {
    const z = new MinMaxScaler().fitTransform(x);
    // Column 0: (v − 1)/2; column 1: (v − 10)/50, so 20 → 0.2; the constant column → 0.
    const expected = [0, 0, 0, 0.5, 0.2, 0, 1, 1, 0];
    z.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it("honours featureRange, inverts, and round-trips through JSON", () => {
    const s = new MinMaxScaler({ featureRange: [-1, 1] });
    const z = s.fitTransform(x);
    expect([z.data[0], z.data[3], z.data[6]]).toEqual([-1, 0, 1]);
    expect(z.data[2]).toBe(-1);
    s.inverseTransform(z).data.forEach((v, i) => expect(v).toBeCloseTo(x.data[i], 12));
    const restored = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())) as ReturnType<MinMaxScaler["toJSON"]>);
    expect(Array.from(restored.transform(x).data)).toEqual(Array.from(z.data));
    expect(() => new MinMaxScaler({ featureRange: [1, 1] })).toThrow(/featureRange must be \[low, high\] with finite low < high/);
  });
});

describe("oneHot", () => {
  it("puts a single 1 in column labels[i] of row i", () => {
    expect(oneHot([2, 0, 1], 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(oneHot(new Tensor(Float64Array.from([1]), [1]), 2).dtype).toBe("float64");
  });

  it("refuses labels that are not class indices below k", () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/oneHot: labels\[1\] = 3 is not a class index in \[0, 2\]/);
    expect(() => oneHot([0.5], 3)).toThrow(/labels\[0\] = 0.5/);
  });
});
