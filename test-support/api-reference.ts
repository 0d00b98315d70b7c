// The API reference (docs/api.md) that the design-contract tests cite, and a check that it names
// every runtime export of a package, so the reference cannot fall behind the code.
import { readFileSync } from "node:fs";

/** Where the API reference lives, relative to the repository root. */
export const API_REFERENCE = "docs/api.md";

const reference = readFileSync(new URL(`../${API_REFERENCE}`, import.meta.url), "utf8");

/** The text of one package's section (`## @nn/train` up to the next `## `). */
export function apiSection(packageName: string): string {
  const start = reference.indexOf(`\n## ${packageName}\n`);
  if (start < 0) throw new Error(`${API_REFERENCE} has no section "## ${packageName}"`);
  const end = reference.indexOf("\n## ", start + 1);
  return reference.slice(start, end < 0 ? undefined : end);
}

/** The names `moduleExports` exports that the package's section never mentions as a word. */
export function undocumentedExports(packageName: string, moduleExports: object): string[] {
  const section = apiSection(packageName);
  return Object.keys(moduleExports).filter((name) => !new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`).test(section));
}
