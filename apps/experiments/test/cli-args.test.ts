import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.js";

describe("parseCliArgs", () => {
  it("reads --quick, --only (comma list or repeated) and --out in both spellings", () => {
    expect(parseCliArgs(["--quick", "--only", "peers,optimizers", "--only=activations", "--out=/tmp/x"])).toEqual({
      quick: true, only: ["peers", "optimizers", "activations"], out: "/tmp/x", help: false,
    });
  });

  it("skips the bare -- that `pnpm experiments -- --quick` forwards", () => {
    expect(parseCliArgs(["--", "--quick"]).quick).toBe(true);
  });

  it("refuses unknown arguments and missing values by name", () => {
    expect(() => parseCliArgs(["--fast"])).toThrow(/unknown argument "--fast"/);
    expect(() => parseCliArgs(["--out"])).toThrow(/--out needs a value/);
  });
});
