import { describe, expect, it } from "vitest";
import { rawJson } from "../src/report/raw-json.js";

describe("rawJson", () => {
  it("rounds numbers, writes NaN as null and keeps number arrays on one line", () => {
    const text = rawJson({ lr: 0.1, loss: [0.123456789, NaN, 1], runs: [{ seed: 0 }] });
    expect(text).toBe('{\n "lr": 0.1,\n "loss": [0.123457,null,1],\n "runs": [\n  {\n   "seed": 0\n  }\n ]\n}\n');
    expect(JSON.parse(text)).toEqual({ lr: 0.1, loss: [0.123457, null, 1], runs: [{ seed: 0 }] });
  });
});
