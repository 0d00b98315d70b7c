import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("wasm-bytes.generated.ts", () => {
  it("is what the .wat sources assemble to (re-run scripts/build-wasm.mjs after editing them)", () => {
    const script = fileURLToPath(new URL("../scripts/build-wasm.mjs", import.meta.url));
    // --check exits non-zero, which makes execFileSync throw, when the committed bytes are stale.
    const output = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(output).toContain("up to date");
  });
});
