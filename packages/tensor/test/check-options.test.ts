import { describe, expect, it } from "vitest";
import { Tensor, UnknownOptionError, checkOptions, isDecimal, optionKeys, parseDecimal, closestName, createRng, didYouMean, editDistance, matmul, randn, tensor, zeros } from "../src/index.js";

describe("editDistance (optimal string alignment)", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as 1 each", () => {
    // Worked by hand: kitten → sitten (k→s) → sittin (e→i) → sitting (+g).
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("trian", "train")).toBe(1); // one swap; Levenshtein would say 2
    expect(editDistance("momentun", "momentum")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("dataset", "data")).toBe(3);
    expect(editDistance("ca", "abc")).toBe(3); // OSA does not edit a swapped pair again
  });

  it("is symmetric", () => {
    const words = ["lr", "rl", "epochs", "epoch", "batchSize", "bathcSize", "", "x"];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe("closestName and didYouMean", () => {
  const commands = ["train", "predict", "gradcheck", "summary", "export"];

  it("finds typos, case slips and prefixes", () => {
    expect(closestName("trian", commands)).toBe("train");
    expect(closestName("Predict", commands)).toBe("predict");
    expect(closestName("moon", ["moons", "circles", "spirals"])).toBe("moons");
    expect(closestName("dataset", ["data", "samples", "noise"])).toBe("data");
    expect(closestName("batchsize", ["batchSize", "seed"])).toBe("batchSize");
  });

  it("suggests nothing for a word that is far from every candidate", () => {
    expect(closestName("banana", commands)).toBeUndefined();
    expect(closestName("", commands)).toBeUndefined();
    expect(closestName("zz", ["lr", "seed"])).toBeUndefined();
    expect(didYouMean("banana", commands)).toBe("");
  });

  it("prefers the nearest candidate", () => {
    expect(closestName("lrr", ["lr", "lrs", "lr2x"])).toBe("lr");
    expect(didYouMean("epoch", ["epochs", "seed"])).toBe(' (did you mean "epochs"?)');
    expect(didYouMean("epoch", ["epochs"], "--")).toBe(" (did you mean --epochs--?)");
  });
});

describe("checkOptions", () => {
  it("refuses a misspelled key with the closest known one", () => {
    expect(() => checkOptions("SGD", { lr: 0.1, momentun: 0.9 }, ["lr", "momentum", "nesterov"])).toThrow(
      new UnknownOptionError('SGD: unknown option "momentun" (did you mean "momentum"?)', "momentun", "momentum"),
    );
    try {
      checkOptions("SGD", { momentun: 0.9 }, ["lr", "momentum"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      expect((error as UnknownOptionError).option).toBe("momentun");
      expect((error as UnknownOptionError).suggestion).toBe("momentum");
    }
  });

  it("lists the known keys when nothing is close", () => {
    expect(() => checkOptions("randn", { colour: 1 }, ["mean", "std"])).toThrow('randn: unknown option "colour" (known options: mean, std)');
  });

  it("refuses a key whose value is undefined too", () => {
    expect(() => checkOptions("f", { lr: undefined, stepsize: undefined }, ["lr", "stepSize"])).toThrow('f: unknown option "stepsize" (did you mean "stepSize"?)');
  });

  it("accepts undefined and known keys, and refuses non-objects", () => {
    expect(checkOptions("f", undefined, ["a"])).toEqual({});
    const given = { a: 1 };
    expect(checkOptions("f", given, ["a", "b"])).toBe(given);
    const bad = (value: unknown) => () => checkOptions("f", value as object, ["a", "b"]);
    expect(bad(0.1)).toThrow("f: options must be an object ({ a, b }), got number 0.1");
    expect(bad(null)).toThrow("got null");
    expect(bad([1])).toThrow("got an array");
    expect(bad("a")).toThrow("got string a");
  });

  it("ignores inherited keys (a class instance's prototype is not options)", () => {
    const options = Object.create({ inherited: 1 }) as { a?: number };
    options.a = 1;
    expect(() => checkOptions("f", options, ["a"])).not.toThrow();
  });

  it("guards the options of tensor's own functions", () => {
    const rng = createRng(1);
    expect(() => randn([2], rng, { sdt: 2 } as never)).toThrow('randn: unknown option "sdt" (did you mean "std"?)');
    expect(() => matmul(zeros([1, 1]), zeros([1, 1]), { transposeBB: true } as never)).toThrow('matmul: unknown option "transposeBB" (did you mean "transposeB"?)');
  });
});

describe("typed arrays that are not float data", () => {
  it("int32-array-labelled-float32-refused: new Tensor(Int32Array) would read integers as float bits", () => {
    expect(() => new Tensor(new Int32Array([1, 2]) as never, [2])).toThrow("Tensor: data must be a Float32Array or Float64Array, got Int32Array");
    expect(() => new Tensor(new Uint8Array(2) as never, [2])).toThrow("got Uint8Array");
    expect(() => new Tensor([1, 2] as never, [2])).toThrow("got an array");
    expect(() => tensor(new Int32Array([1, 2]) as never)).toThrow("tensor: typed array data must be a Float32Array or Float64Array, got Int32Array");
    expect(tensor(new Float64Array([1, 2])).dtype).toBe("float64");
  });
});

describe("optionKeys", () => {
  interface Probe { a?: number; b: string }
  it("returns the keys it is given; the compiler refuses a missing or an invented key", () => {
    expect(optionKeys<Probe>()("a", "b")).toEqual(["a", "b"]);
    // @ts-expect-error "b" is left out
    expect(optionKeys<Probe>()("a")).toEqual(["a"]);
    // @ts-expect-error "c" is not a key of Probe
    expect(optionKeys<Probe>()("a", "b", "c")).toHaveLength(3);
  });
});

describe("the decimal grammar (CLI flags and CSV cells)", () => {
  it("reads decimals and exponents, and nothing Number() would also take", () => {
    expect(parseDecimal("0.1")).toBe(0.1);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("-2e3")).toBe(-2000);
    for (const bad of ["0x10", "0b11", "0o7", "1_000", "", " 1", "Infinity", "NaN", "1e"]) {
      expect(isDecimal(bad), JSON.stringify(bad)).toBe(false);
      expect(parseDecimal(bad)).toBeUndefined();
    }
    expect(isDecimal("1e999")).toBe(true); // written as a decimal, but it overflows:
    expect(parseDecimal("1e999")).toBeUndefined();
  });
});
