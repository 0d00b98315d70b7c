import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("README writeFileSafely example", () => {
  it("shows test/readme-write-example.ts verbatim, and its comments are the results", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-write-example.ts", import.meta.url), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toContain(example);
    const result = (await import("./readme-write-example.js")) as { written: string; namesTheDirectory: boolean };
    expect(result.written).toBe("{}");
    expect(result.namesTheDirectory).toBe(true);
  });
});
