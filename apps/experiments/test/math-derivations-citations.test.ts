/**
 * Every `§` reference in the repository's code and documentation must name a section that exists
 * in docs/math_derivations.md, and every source file a section says implements it must exist.
 * A `§` that refers to another work (an RFC, Higham's book) names that work just before it.
 * Code shown next to the maths must be the code: each excerpt's lines occur in the file it names.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "../src/repo-root.js";

const root = findRepoRoot(fileURLToPath(new URL(".", import.meta.url)));
const docPath = join(root, "docs", "math_derivations.md");
const doc = readFileSync(docPath, "utf8");

const SCANNED_ROOTS = ["packages", "apps", "bench", "docs", "scripts", "experiments", "README.md", "CONTRIBUTING.md"];
const SCANNED_EXTENSIONS = /\.(ts|tsx|mts|mjs|js|md)$/;
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".turbo", "coverage"]);
const OTHER_WORK = /(RFC \d+|Higham|Numerical Algorithms)[^§]{0,60}$/;

/** Section labels of the document's headings: `### §9.2 Adam` gives "9.2". */
function sectionLabels(markdown: string): Set<string> {
  const labels = new Set<string>();
  for (const match of markdown.matchAll(/^#{2,4} §([0-9A-Z]+(?:\.[0-9]+)*)\s/gm)) labels.add(match[1]);
  return labels;
}

function filesUnder(path: string, found: string[] = []): string[] {
  if (!existsSync(path)) return found;
  if (statSync(path).isFile()) {
    if (SCANNED_EXTENSIONS.test(path)) found.push(path);
    return found;
  }
  for (const entry of readdirSync(path)) {
    if (!SKIPPED_FOLDERS.has(entry)) filesUnder(join(path, entry), found);
  }
  return found;
}

interface Citation {
  where: string;
  label: string;
}

/** Every `§label` in `text`, except those that follow the name of another work. */
function citationsIn(text: string, file: string): Citation[] {
  const citations: Citation[] = [];
  for (const match of text.matchAll(/§([0-9A-Z]+(?:\.[0-9]+)*)/g)) {
    const before = text.slice(Math.max(0, match.index - 80), match.index);
    if (OTHER_WORK.test(before)) continue;
    const line = text.slice(0, match.index).split("\n").length;
    citations.push({ where: `${relative(root, file)}:${line}`, label: match[1].replace(/\.$/, "") });
  }
  return citations;
}

const labels = sectionLabels(doc);
const files = SCANNED_ROOTS.flatMap((entry) => filesUnder(join(root, entry)));
const citations = files.flatMap((file) => citationsIn(readFileSync(file, "utf8"), file));

describe("docs/math_derivations.md citations", () => {
  it("the document has numbered sections, and the scan finds the code's citations", () => {
    expect(labels.size).toBeGreaterThan(30);
    // The Dense backward pass cites §2.1; if the scan missed it, it would miss everything.
    expect(citations.some((c) => c.where.startsWith("packages/layers/src/dense.ts") && c.label === "2.1")).toBe(true);
    expect(citations.length).toBeGreaterThan(100);
  });

  it("every § reference names a section that exists", () => {
    const missing = citations.filter((c) => !labels.has(c.label)).map((c) => `${c.where} cites §${c.label}`);
    expect(missing).toEqual([]);
  });

  it("every source file a section names as its implementation exists", () => {
    const named = [...doc.matchAll(/`((?:packages|apps)\/[\w./-]+?\.tsx?)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it("every code excerpt is verbatim from the source file its first line names", () => {
    const excerpts = [...doc.matchAll(/```ts\n\/\/ ((?:packages|apps)\/[\w./-]+\.tsx?)[^\n]*\n([\s\S]*?)```/g)];
    expect(excerpts.length).toBeGreaterThanOrEqual(3);
    const stale = excerpts.flatMap(([, path, body]) => {
      const source = new Set(readFileSync(join(root, path), "utf8").split("\n").map((line) => line.trim()));
      return body.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !source.has(line)).map((line) => `${path}: ${line}`);
    });
    expect(stale).toEqual([]);
  });

  it("every figure the document shows is committed", () => {
    const figures = [...doc.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures.filter((path) => !existsSync(join(root, "docs", path)))).toEqual([]);
  });

  it("section labels are unique", () => {
    const all = [...doc.matchAll(/^#{2,4} §(\S+)\s/gm)].map((m) => m[1]);
    expect(all.filter((label, i) => all.indexOf(label) !== i)).toEqual([]);
  });
});
