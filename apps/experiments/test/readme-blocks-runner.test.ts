// The README runner (test-support/readme-blocks.ts) that every package's README test uses: it must
// fail on each kind of broken block, or the README tests could not fail.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readmeBlocks, runReadme } from "../../../test-support/readme-blocks.js";

const fence = "```";

function readme(text: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), "nn-readme-")), "README.md");
  writeFileSync(file, text);
  return pathToFileURL(file);
}

describe("readme runner", () => {
  it("reads blocks with their line, language and marks", () => {
    const url = readme(`# t\n\n${fence}sh not-run: shell commands here\nls\n${fence}\n\n${fence}js\nconsole.log(1)\n${fence}\n${fence}text output\n1\n${fence}\n`);
    const blocks = readmeBlocks(url.pathname);
    expect(blocks.map((b) => [b.line, b.lang, b.notRun, b.output])).toEqual([
      [3, "sh", "shell commands here", false],
      [7, "js", undefined, false],
      [10, "text", undefined, true],
    ]);
  });

  it("runs a block, returns its exports and printed lines, and checks its output block (… matches any lines)", async () => {
    const url = readme(`${fence}js\nexport const answer = 6 * 7;\nconsole.log("a");\nconsole.log("b", 2);\nconsole.log("c");\n${fence}\n${fence}text output\na\n…\n${fence}\n`);
    const [run] = await runReadme(url);
    expect(run.exports).toEqual({ answer: 42 });
    expect(run.printed).toEqual(["a", "b 2", "c"]);
  });

  it("fails on output the block does not print", async () => {
    const url = readme(`${fence}js\nconsole.log("a");\n${fence}\n${fence}text output\nb\n${fence}\n`);
    await expect(runReadme(url)).rejects.toThrow("README.md:4: the README shows output the block before it does not print");
  });

  it("fails on a block that throws, naming its line", async () => {
    const url = readme(`text\n\n${fence}js\nimport { nope } from "node:path";\nnope();\n${fence}\n`);
    await expect(runReadme(url)).rejects.toThrow(/README\.md:3: the README block failed/);
  });

  it("fails on an unmarked block that cannot run, and on a not-run without a reason", async () => {
    await expect(runReadme(readme(`${fence}sh\nls\n${fence}\n`))).rejects.toThrow('README.md:1: a ```sh block must run (ts or js), be marked "output", or say "not-run: <reason>"');
    await expect(runReadme(readme(`${fence}sh not-run: x\nls\n${fence}\n`))).rejects.toThrow('README.md:1: say why the block is not run ("not-run: <reason>")');
  });

  it("checks an excerpt against the file it cites", async () => {
    const good = `${fence}ts\n// packages/train/src/fit.ts, the body of fit\nreturn createTrainer(model, options).run();\n${fence}\n`;
    await expect(runReadme(readme(good))).resolves.toEqual([]);
    const bad = `${fence}ts\n// packages/train/src/fit.ts, the loop\nreturn createTrainer(model, options).runTwice();\n${fence}\n`;
    await expect(runReadme(readme(bad))).rejects.toThrow("README.md:1: the excerpt of packages/train/src/fit.ts shows a line the file does not have: return createTrainer(model, options).runTwice();");
    const missing = `${fence}ts\n// packages/train/src/no-such-file.ts\nx;\n${fence}\n`;
    await expect(runReadme(readme(missing))).rejects.toThrow("README.md:1: the block cites packages/train/src/no-such-file.ts, which does not exist");
  });
});
