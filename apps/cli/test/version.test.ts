import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { NN_VERSION } from "../src/version.js";
import { runCli } from "./fixtures/run-cli.js";

it("nn --version prints the version of package.json", async () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  expect(NN_VERSION).toBe(pkg.version);
  const out = await runCli(["--version"]);
  expect(out.code).toBe(0);
  expect(out.stdout).toBe(`nn ${pkg.version}\n`);
});
