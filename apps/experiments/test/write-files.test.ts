import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findRepoRoot } from "../src/repo-root.js";
import { writeFiles } from "../src/write-files.js";

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe("writeFiles", () => {
  it("creates folders, writes every file and leaves no temporary file behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-exp-"));
    dirs.push(dir);
    await writeFiles(dir, { "a.md": "A\n", "a/plot.svg": "<svg/>" });
    await writeFiles(dir, { "a.md": "B\n" });
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("B\n");
    expect(readdirSync(dir).sort()).toEqual(["a", "a.md"]);
    expect(readdirSync(join(dir, "a"))).toEqual(["plot.svg"]);
  });
});

describe("findRepoRoot", () => {
  it("walks up to the folder holding pnpm-workspace.yaml", () => {
    const root = findRepoRoot(join(import.meta.dirname, "..", "src", "studies"));
    expect(readdirSync(root)).toContain("pnpm-workspace.yaml");
  });

  it("says what to do when there is none", () => {
    expect(() => findRepoRoot("/")).toThrow(/pass --out/);
  });
});
