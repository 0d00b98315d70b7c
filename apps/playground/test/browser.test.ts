import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Sequential } from "@nn/layers";
import { importONNX } from "@nn/onnx";
import { settingFromQuery, settingFromSavedModel, TrainingDriver, weightsFingerprint } from "@nn/studio";
import { CHROMIUM, chromiumInstalled } from "@nn/cross-engine/src/node/run-in-chromium.js";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer } from "../scripts/static-server.mjs";
import { APP_DIR, buildSite, javascriptSizes, siteFiles } from "./built-site.js";

// The built Playground in a real browser: Debian's chromium, found as tests/cross-engine finds it
// (NN_CHROMIUM or /usr/bin/chromium), driven by playwright-core (no browser download) because the
// test clicks; deferred in .ci/run's `npm test` like the cross-engine suite.

const skipReason = process.env.NN_PLAYGROUND_BROWSER === "deferred"
  ? "deferred: .ci/run runs this suite once the browsers are installed"
  : chromiumInstalled() ? undefined : `no browser at ${CHROMIUM} (apt-get install -y chromium, or set NN_CHROMIUM)`;
if (skipReason !== undefined) console.warn(`playground: SKIPPED the browser test: ${skipReason}`);

/** The screenshot the README shows; `NN_UPDATE_SCREENSHOT=1` rewrites the committed one. */
const SCREENSHOT = join(APP_DIR, "docs", "playground.png");
const JS_BUDGET_GZIPPED = 250 * 1024;

let site: string;
beforeAll(async () => {
  site = await buildSite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe("the built site", () => {
  it("is a static index.html with relative paths (works from any folder of any static server)", () => {
    const html = readFileSync(join(site, "index.html"), "utf8");
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });

  it("names no other origin in any file (offline: no CDN fonts, scripts or styles)", () => {
    for (const file of siteFiles(site)) {
      const text = readFileSync(join(site, file), "utf8");
      // URLs in string literals that a browser would fetch; the XML namespace of SVG is not a request.
      const urls = [...text.matchAll(/["'(](https?:\/\/[^"')\s]+)/g)].map((m) => m[1]).filter((u) => !u.startsWith("http://www.w3.org/"));
      expect(urls, file).toEqual([]);
    }
  });

  it(`ships at most ${JS_BUDGET_GZIPPED / 1024} kB of JavaScript, gzipped`, () => {
    const sizes = javascriptSizes(site);
    const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    console.log(`playground: JavaScript ${sizes.map((s) => `${s.file} ${(s.bytes / 1024).toFixed(1)} kB (${(s.gzipped / 1024).toFixed(1)} kB gzipped)`).join(", ")}; total ${(total / 1024).toFixed(1)} kB gzipped`);
    expect(sizes.length).toBeGreaterThanOrEqual(2); // the page and the training worker
    expect(total).toBeLessThanOrEqual(JS_BUDGET_GZIPPED);
  });
});

describe.skipIf(skipReason !== undefined)("the Playground in headless Chromium", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  const problems: string[] = [];

  async function open(address: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${address}: console ${m.type()}: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`${address}: ${e.message}`));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`${address}: a request left the origin: ${url}`);
    });
    await page.goto(server.url + address);
    await page.locator("#run-status").filter({ hasText: "paused" }).waitFor();
    return page;
  }

  const number = async (page: Page, selector: string): Promise<number> => Number((await page.locator(selector).textContent())?.replace(/,/g, ""));

  beforeAll(async () => {
    server = await startStaticServer({ root: site });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("Play trains: the epoch counter rises and the loss falls", async () => {
    const page = await open("");
    expect(await page.locator("#epoch").textContent()).toBe("0");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => number(page, "#epoch"), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const early = await number(page, "#train-loss");
    await expect.poll(() => number(page, "#epoch"), { timeout: 60_000 }).toBeGreaterThanOrEqual(150);
    const later = await number(page, "#train-loss");
    expect(early).toBeGreaterThan(0);
    // Circles with two small tanh layers: the loss falls well below its start.
    expect(later).toBeLessThan(0.5 * early);
    expect(await page.locator("#rate").textContent()).toMatch(/^\d/); // samples/s while running
    await page.getByRole("button", { name: "Pause" }).click();
    await page.locator("#run-status").filter({ hasText: "paused" }).waitFor();
    await page.getByLabel("show test data").check();
    mkdirSync(join(APP_DIR, "test-output"), { recursive: true });
    await page.screenshot({ path: join(APP_DIR, "test-output", "playground.png"), fullPage: false });
    if (process.env.NN_UPDATE_SCREENSHOT === "1") writeFileSync(SCREENSHOT, readFileSync(join(APP_DIR, "test-output", "playground.png")));
    // The pointer on the first hidden neuron (column 2 of 4, top tile of 4) shows its map large.
    const box = (await page.locator("#network").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.375, box.y + box.height * 0.19);
    await expect.poll(() => page.locator("#value-legend").textContent()).toBe("showing hidden layer 1, neuron 1 (pointer on the network)");
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator("#value-legend").isHidden()).toBe(true);
    await page.close();
  });

  it("a changed layer count, activation and data set take effect (summary, link and pictures)", async () => {
    const page = await open("");
    await page.getByRole("button", { name: "Add a hidden layer" }).click();
    await expect.poll(() => page.locator("#summary").textContent()).toContain("hidden 4,2,2 tanh");
    await page.getByLabel("activation").selectOption("relu");
    await expect.poll(() => page.locator("#summary").textContent()).toContain("hidden 4,2,2 relu");
    await page.getByLabel("data set").selectOption("spirals");
    await expect.poll(() => page.locator("#summary").textContent()).toContain("spirals");
    expect(new URL(page.url()).hash).toContain("data=spirals");
    expect(new URL(page.url()).hash).toContain("layers=4%2C2%2C2");
    // Spirals with four arms: four classes, four softmax outputs.
    await page.getByLabel("classes").fill("4");
    await expect.poll(() => page.locator("#summary").textContent()).toContain("4 classes");
    expect(new URL(page.url()).hash).toContain("classes=4");
    // Regression: the problem type lists its own sets; the map shows values on a scale, no accuracy.
    await page.getByLabel("problem type").selectOption("regression");
    await expect.poll(() => page.locator("#summary").textContent()).toContain("plane");
    expect(new URL(page.url()).hash).toContain("data=plane");
    await page.locator("#value-legend").filter({ hasText: "orange −" }).waitFor();
    expect(await page.locator("#accuracy-chart").isHidden()).toBe(true);
    expect(await page.getByLabel("data set").locator("option").allTextContents()).toEqual(["plane (a tilted plane)", "multi-gaussian (bumps)"]);
    await page.getByLabel("problem type").selectOption("classification");
    // Digits are not 2-D: a confusion matrix replaces the map.
    await page.getByLabel("data set").selectOption("digits");
    await page.locator("table.confusion").waitFor();
    expect(await page.locator("table.confusion thead th").count()).toBe(11);
    await page.close();
  });

  it("a link with a seed reproduces the run bit for bit: the same weights as the same setting in Node", async () => {
    const query = "data=spirals&samples=300&seed=7&layers=6,4&activation=tanh&optimizer=adam&lr=0.01&batch-size=16&epochs=12"; // the README's
    const page = await open(`#${query}`);
    await page.getByRole("button", { name: "Play" }).click();
    await page.locator("#run-status").filter({ hasText: "done" }).waitFor({ timeout: 60_000 });
    expect(await number(page, "#epoch")).toBe(12);
    const inBrowser = await page.locator("#fingerprint").textContent();
    const node = new TrainingDriver(settingFromQuery(query));
    while (node.status === "running") node.trainFor(1000);
    expect(node.epoch).toBe(12);
    expect(inBrowser).toMatch(/^[0-9a-f]{16}$/);
    expect(inBrowser).toBe(weightsFingerprint(node.run.model.parameters()));
    await page.close();
  });

  it("a link with a bad entry says what is wrong and starts from the usual setting", async () => {
    const page = await open("#data=moons&lr=fast");
    await expect.poll(() => page.locator("#error").textContent()).toContain('lr must be a number > 0, got "fast"');
    expect(await page.locator("#epoch").textContent()).toBe("0");
    await page.close();
  });

  it("the model downloads as nn JSON (nn reads it) and ONNX, and a downloaded file loads back with its setting and weights", async () => {
    const query = "data=blobs&samples=200&seed=3&layers=5&optimizer=adam&lr=0.01&epochs=4";
    const page = await open(`#${query}`);
    await page.getByRole("button", { name: "Play" }).click();
    await page.locator("#run-status").filter({ hasText: "done" }).waitFor({ timeout: 60_000 });
    const fingerprint = await page.locator("#fingerprint").textContent();
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download nn model (JSON)" }).click()]);
    expect(json.suggestedFilename()).toBe("nn-blobs-epoch-4.json");
    const saved = join(site, "downloaded-model.json");
    await json.saveAs(saved);
    const model = Sequential.fromJSON(readFileSync(saved, "utf8"));
    expect(weightsFingerprint(model.parameters())).toBe(fingerprint);
    expect(settingFromSavedModel(model.metadata)).toEqual(settingFromQuery(query));
    expect(model.metadata).toMatchObject({ tool: "nn", inputFeatures: 2, classNames: ["0", "1", "2"], trainedEpochs: 4 });
    const [onnx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download ONNX" }).click()]);
    expect(onnx.suggestedFilename()).toBe("nn-blobs-epoch-4.onnx");
    const imported = importONNX(new Uint8Array(readFileSync(await onnx.path())));
    expect(imported.parameters().map((p) => p.value.shape)).toEqual(model.parameters().map((p) => p.value.shape));
    expect(weightsFingerprint(imported.parameters())).toBe(fingerprint);
    await page.close();

    // A fresh page on another setting: loading the file brings back its setting and its weights, paused.
    const fresh = await open("");
    await fresh.getByLabel("Load an nn model file").setInputFiles(saved);
    await expect.poll(() => fresh.locator("#fingerprint").textContent()).toBe(fingerprint);
    expect(await fresh.locator("#status").textContent()).toContain("(trained 4 epochs): its setting and weights are in place, paused");
    expect(await fresh.locator("#summary").textContent()).toContain("blobs · 200 samples");
    expect(await fresh.locator("#run-status").textContent()).toBe("paused");
    await fresh.getByLabel("Load an nn model file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await expect.poll(() => fresh.locator("#status").textContent()).toMatch(/^refused: broken\.json is not JSON/);
    expect(await fresh.locator("#fingerprint").textContent()).toBe(fingerprint);
    await fresh.close();
  });

  it("works from the keyboard: Tab reaches Play, Enter starts, Space on the page pauses", async () => {
    const page = await open("");
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.id === "play");
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("#run-status").filter({ hasText: "running" }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Space");
    await page.locator("#run-status").filter({ hasText: "paused" }).waitFor();
    // Every form control has a label a screen reader reads.
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, select, button")]
      .filter((e) => (e as HTMLInputElement).labels?.length === 0 && e.getAttribute("aria-label") === null && (e.textContent ?? "").trim() === "")
      .map((e) => e.outerHTML.slice(0, 80)));
    expect(unlabelled).toEqual([]);
    await page.close();
  });

  it("the console showed no error and no request left the page's origin", () => {
    expect(problems).toEqual([]);
  });
});
