// Runs the code blocks of a README inside a package's test suite, so no README can show an API
// that does not exist or a result the code does not give. One runner for every README:
//
// - A ```ts or ```js block runs as an ES module (imports of @nn/* resolve to the sources, as in
//   every test). What it exports and prints is returned for the test to check.
// - A block right after a run block whose info string says `output` (```text output) is what that
//   block prints: it is compared line by line; a line holding only `…` stands for any lines.
// - A block whose first line cites a source file of this repository (`// packages/x/src/y.ts, ...`)
//   is an excerpt: each of its code lines must appear in that file, so it cannot drift from the code.
// - Every other block (shell commands, file formats, fragments) must say why it is not run, in its
//   info string: ```sh not-run: shell commands, run by .ci/run. An unmarked block fails the test.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { vi } from "vitest";

const RUNNABLE = new Set(["ts", "typescript", "js", "javascript", "mjs"]);
const REPOSITORY = fileURLToPath(new URL("..", import.meta.url));
const EXCERPT = /^\/\/ ((?:packages|apps|bench)\/[\w./-]+\.tsx?)\b/;

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The first word of the info string (`ts`, `sh`, ...), "" when none. */
  readonly lang: string;
  readonly code: string;
  /** Why the block is not run (`not-run: <reason>` in the info string). */
  readonly notRun?: string;
  /** The block is the printed output of the run block before it. */
  readonly output: boolean;
}

export interface BlockRun {
  readonly block: ReadmeBlock;
  /** The module's exports. */
  readonly exports: Record<string, unknown>;
  /** What it printed with console.log, one entry per call, arguments joined by spaces. */
  readonly printed: readonly string[];
}

/** The fenced code blocks of a Markdown file, with where they start and how they are marked. */
export function readmeBlocks(path: string): ReadmeBlock[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,})(.*)$/.exec(lines[i]);
    if (open === null) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(indent + fence) && lines[j].trim() === fence)) body.push(lines[j++].slice(indent.length));
    if (j === lines.length) throw new Error(`${path}:${i + 1}: code block never closed`);
    const words = info.trim();
    const lang = /^[\w-]*/.exec(words)?.[0] ?? "";
    const notRun = /\bnot-run:\s*(.+)$/.exec(words)?.[1]?.trim();
    const output = words.slice(lang.length).trim() === "output";
    blocks.push({ line: i + 1, lang, code: body.join("\n") + "\n", ...(notRun !== undefined ? { notRun } : {}), output });
    i = j;
  }
  return blocks;
}

/**
 * Runs every runnable block of the README at `readme` (a file URL) in order, checks each output
 * block against what the block before it printed, and refuses unmarked blocks. Blocks are written
 * next to the README (in `.readme-blocks/`, removed afterwards) so they resolve packages as the
 * package's own files do.
 */
export async function runReadme(readme: URL): Promise<BlockRun[]> {
  const path = fileURLToPath(readme);
  const name = relative(process.cwd(), path) || path;
  const blocks = readmeBlocks(path);
  const runs: BlockRun[] = [];
  const dir = join(dirname(path), ".readme-blocks", String(process.pid));
  mkdirSync(dir, { recursive: true });
  try {
    let previous: BlockRun | undefined;
    for (const block of blocks) {
      const where = `${name}:${block.line}`;
      if (block.output) {
        if (previous === undefined) throw new Error(`${where}: an output block must follow a block that runs`);
        checkOutput(where, block.code, previous.printed);
        previous = undefined;
        continue;
      }
      previous = undefined;
      if (block.notRun !== undefined) {
        if (block.notRun.length < 8) throw new Error(`${where}: say why the block is not run ("not-run: <reason>")`);
        continue;
      }
      const cited = EXCERPT.exec(block.code)?.[1];
      if (cited !== undefined) {
        checkExcerpt(where, block.code, cited);
        continue;
      }
      if (!RUNNABLE.has(block.lang)) {
        throw new Error(`${where}: a \`\`\`${block.lang} block must run (ts or js), be marked "output", or say "not-run: <reason>"`);
      }
      const file = join(dir, `block-${block.line}.${block.lang.startsWith("j") || block.lang === "mjs" ? "mjs" : "ts"}`);
      writeFileSync(file, block.code);
      previous = await runBlock(where, file, block);
      runs.push(previous);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const parent = dirname(dir);
    if (readdirSync(parent).length === 0) rmSync(parent, { recursive: true, force: true });
  }
  return runs;
}

async function runBlock(where: string, file: string, block: ReadmeBlock): Promise<BlockRun> {
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  try {
    const namespace = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    return { block, exports: Object.fromEntries(Object.entries(namespace)), printed };
  } catch (e) {
    throw new Error(`${where}: the README block failed: ${(e as Error).message}`, { cause: e });
  } finally {
    log.mockRestore();
  }
}

/** Every code line of an excerpt (comments and `…` aside) is a line of the file it cites. */
function checkExcerpt(where: string, code: string, cited: string): void {
  let source: string;
  try {
    source = readFileSync(join(REPOSITORY, cited), "utf8");
  } catch {
    throw new Error(`${where}: the block cites ${cited}, which does not exist`);
  }
  const lines = new Set(source.split("\n").map((l) => l.trim()));
  for (const line of code.split("\n").map((l) => l.trim())) {
    if (line === "" || line.startsWith("//") || line === "…" || line === "...") continue;
    if (!lines.has(line)) throw new Error(`${where}: the excerpt of ${cited} shows a line the file does not have: ${line}`);
  }
}

/** `expected` against the printed lines; a line holding only `…` matches any number of lines. */
function checkOutput(where: string, expected: string, printed: readonly string[]): void {
  const want = expected.trimEnd().split("\n").map((l) => l.trimEnd());
  const got = printed.join("\n").trimEnd().split("\n").map((l) => l.trimEnd());
  if (!matchLines(want, 0, got, 0)) {
    throw new Error(`${where}: the README shows output the block before it does not print.\nREADME:\n${want.join("\n")}\nprinted:\n${got.join("\n")}`);
  }
}

function matchLines(want: readonly string[], w: number, got: readonly string[], g: number): boolean {
  if (w === want.length) return g === got.length;
  if (want[w] === "…") {
    for (let k = g; k <= got.length; k++) if (matchLines(want, w + 1, got, k)) return true;
    return false;
  }
  return g < got.length && want[w] === got[g] && matchLines(want, w + 1, got, g + 1);
}
