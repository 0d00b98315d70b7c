import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TRAIN_FLAGS } from "../src/args/train-options.js";
import { COMMANDS } from "../src/commands/registry.js";
import { KEY_HELP } from "../src/ui/HelpOverlay.js";
import { runReadme } from "../../../test-support/readme-blocks.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README documents the whole interface", () => {
  it("every command and every train flag", () => {
    for (const c of COMMANDS) expect(readme).toContain(`### \`nn ${c.name}\``);
    for (const flag of Object.keys(TRAIN_FLAGS)) expect(readme).toContain(`--${flag}`);
  });

  it("every flag of every other command, taken from its --help text", () => {
    for (const c of COMMANDS) {
      for (const [, flag] of c.usage().matchAll(/^ {2}(--[a-z0-9-]+)/gm)) expect(readme, `${c.name} ${flag}`).toContain(flag);
    }
  });

  it("every key of the help overlay", () => {
    for (const [key] of KEY_HELP) {
      for (const k of key.split(" / ")) expect(readme).toContain(`\`${k}\``);
    }
  });
});

describe("README code blocks (test-support/readme-blocks.ts)", () => {
  it("every block of this README and of the repository's README runs or says why not", async () => {
    await expect(runReadme(new URL("../README.md", import.meta.url))).resolves.toBeDefined();
    await expect(runReadme(new URL("../../../README.md", import.meta.url))).resolves.toBeDefined();
  });
});
