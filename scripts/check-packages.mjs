// Package checks for every published library under packages/: publint and
// @arethetypeswrong/cli on the packed tarball, then a consumer test outside the workspace:
// install the tarballs with plain npm, import them from ESM, require them from CJS (every error
// class keeping its name in both), type-check a TypeScript consumer with tsc, and compile and run
// the newcomer trial programs of scripts/consumer-trials/ against the installed tarballs.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });

/** One export per package that the consumer test must find, with a tiny use of it. */
const probes = {
  "@nn/tensor": { name: "tensor", use: "tensor([1, 2]).shape[0] === 2" },
  "@nn/layers": { name: "Dense", use: "new m.Dense(2, 3).parameters().length === 2" },
  "@nn/optim": { name: "SGD", use: "typeof m.SGD === 'function'" },
  "@nn/gradcheck": { name: "checkLayer", use: "typeof m.checkLayer === 'function'" },
  "@nn/datasets": { name: "makeMoons", use: "m.makeMoons({ n: 10, noise: 0, seed: 1 }).x.shape[0] === 10" },
  "@nn/train": { name: "fit", use: "typeof m.fit === 'function'" },
  "@nn/onnx": { name: "exportONNX", use: "typeof m.exportONNX === 'function'" },
  "@nn/studio": { name: "TrainingDriver", use: "m.settingFromQuery(\"lr=0.03\").lr === 0.03" },
  "@nn/autograd": { name: "Variable", use: "m.grad((x) => m.sum(m.mul(x, x)))(tensor([3], \"float64\")).data[0] === 6" },
};

const packages = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "index.ts")))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter(({ pkg }) => !pkg.private);

run("npm", ["run", "build", "--", ...packages.flatMap(({ pkg }) => ["--filter", pkg.name]), "--output-logs=errors-only"], root);

const packDir = mkdtempSync(join(tmpdir(), "nn-pack-"));
const tarballs = {};
for (const { dir, pkg } of packages) {
  console.log(`\n── ${pkg.name}`);
  run(bin("pnpm"), ["pack", "--pack-destination", packDir], dir);
  const file = readdirSync(packDir).find((f) => f.startsWith(pkg.name.replace("@", "").replace("/", "-") + "-"));
  tarballs[pkg.name] = join(packDir, file);
  run(bin("publint"), ["--strict"], dir);
  run(bin("attw"), [tarballs[pkg.name]], dir);
}

// The consumer project lives outside the workspace and sees only the tarballs.
const consumer = mkdtempSync(join(tmpdir(), "nn-consumer-"));
const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: deps, overrides: deps }, null, 2));
run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], consumer);

const names = Object.keys(tarballs);
const subpaths = packages.filter(({ pkg }) => pkg.exports["./node"]).map(({ pkg }) => `${pkg.name}/node`);
const checks = names.map((name) => {
  const probe = probes[name] ?? { name: null, use: "true" };
  return { name, probe };
});
writeFileSync(join(consumer, "esm.mjs"), [
  `import { tensor } from "@nn/tensor";`,
  ...checks.map(({ name }, i) => `import * as p${i} from "${name}";`),
  ...subpaths.map((name, i) => `import * as s${i} from "${name}";`),
  `const fail = (msg) => { console.error(msg); process.exit(1); };`,
  ...checks.map(({ name, probe }, i) => `{ const m = p${i}; if (${probe.name ? `typeof m.${probe.name} === "undefined" || !(${probe.use})` : "false"}) fail("ESM: ${name} failed its probe"); }`),
  ...subpaths.map((name, i) => `if (Object.keys(s${i}).length === 0) fail("ESM: ${name} exports nothing");`),
  `const errorNames = (label, m) => { for (const [key, value] of Object.entries(m)) if (typeof value === "function" && value.prototype instanceof Error && value.name !== key) fail(label + ": error class " + key + " is named " + value.name); };`,
  ...checks.map(({ name }, i) => `errorNames("ESM ${name}", p${i});`),
  ...subpaths.map((name, i) => `errorNames("ESM ${name}", s${i});`),
  `console.log("ESM consumer: ok (${names.length} packages, ${subpaths.length} node subpaths)");`,
].join("\n"));
writeFileSync(join(consumer, "cjs.cjs"), [
  `const fail = (msg) => { console.error(msg); process.exit(1); };`,
  `const { tensor } = require("@nn/tensor");`,
  ...checks.map(({ name, probe }) => `{ const m = require("${name}"); if (${probe.name ? `typeof m.${probe.name} === "undefined" || !(${probe.use})` : "false"}) fail("CJS: ${name} failed its probe"); }`),
  ...subpaths.map((name) => `if (Object.keys(require("${name}")).length === 0) fail("CJS: ${name} exports nothing");`),
  `const errorNames = (label, m) => { for (const [key, value] of Object.entries(m)) if (typeof value === "function" && value.prototype instanceof Error && value.name !== key) fail(label + ": error class " + key + " is named " + value.name); };`,
  ...[...names, ...subpaths].map((name) => `errorNames("CJS ${name}", require("${name}"));`),
  `console.log("CJS consumer: ok (error classes keep their names)");`,
].join("\n"));
writeFileSync(join(consumer, "consumer.ts"), [
  `import { tensor, type Tensor } from "@nn/tensor";`,
  ...names.filter((n) => probes[n] && n !== "@nn/tensor").map((n) => `import { ${probes[n].name} } from "${n}";`),
  `const t: Tensor = tensor([[1, 2], [3, 4]]);`,
  `const shape: readonly number[] = t.shape;`,
  ...names.filter((n) => probes[n] && n !== "@nn/tensor").map((n) => `void ${probes[n].name};`),
  `export { shape };`,
].join("\n"));
writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] },
  files: ["consumer.ts"],
}));
run("node", ["esm.mjs"], consumer);
run("node", ["cjs.cjs"], consumer);
run(bin("tsc"), ["-p", "tsconfig.json"], consumer);
// A CommonJS TypeScript consumer (.cts) resolves the `require` condition's types (.d.cts).
writeFileSync(join(consumer, "consumer.cts"), readFileSync(join(consumer, "consumer.ts"), "utf8"));
writeFileSync(join(consumer, "tsconfig.cjs.json"), JSON.stringify({
  compilerOptions: { target: "ES2022", module: "Node16", moduleResolution: "Node16", strict: true, noEmit: true, types: [] },
  files: ["consumer.cts"],
}));
run(bin("tsc"), ["-p", "tsconfig.cjs.json"], consumer);
console.log("TypeScript consumers (ESM and CJS): ok");

// The newcomer trials: programs written from the READMEs with PyTorch and Keras habits, type-checked
// strictly against the installed tarballs' types and run; each checks its own results.
const trialsDir = join(root, "scripts", "consumer-trials");
const trials = readdirSync(trialsDir).filter((f) => f.endsWith(".ts"));
for (const file of trials) copyFileSync(join(trialsDir, file), join(consumer, file));
writeFileSync(join(consumer, "tsconfig.trials.json"), JSON.stringify({
  compilerOptions: {
    target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true,
    outDir: "trials-out", skipLibCheck: false, typeRoots: [join(root, "node_modules", "@types")], types: ["node"],
  },
  files: trials,
}));
run(bin("tsc"), ["-p", "tsconfig.trials.json"], consumer);
for (const file of trials.filter((f) => f !== "check.ts")) {
  console.log(`\n── trial ${file}`);
  run("node", [join("trials-out", file.replace(/\.ts$/, ".js"))], consumer);
}
console.log(`\nTrials: ${trials.length - 1} programs ran from the packed tarballs`);
