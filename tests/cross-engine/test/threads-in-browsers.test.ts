import { describe, expect, it } from "vitest";
import { CHROMIUM, chromiumInstalled } from "../src/node/run-in-chromium.js";
import { FIREFOX, firefoxInstalled } from "../src/node/run-in-firefox.js";
import { runThreadsPage } from "../src/node/run-threads-page.js";

// @nn/tensor's opt-in worker pool in real browsers: inside a Web Worker of a cross-origin-isolated
// page, 2 threads (the browser's own Worker host, from a Blob URL) give the bits of 1; on the
// main thread, and on a page that is not isolated, setThreads refuses and says why.
const browsers = [
  { name: "chromium" as const, missing: chromiumInstalled() ? undefined : `no browser at ${CHROMIUM}` },
  { name: "firefox" as const, missing: firefoxInstalled() ? undefined : `no browser at ${FIREFOX}` },
];

for (const browser of browsers) {
  const reason = process.env.NN_CROSS_ENGINE === "deferred" ? "deferred: .ci/run runs this suite last, once the browsers are installed" : browser.missing;
  if (reason !== undefined) console.warn(`threads in ${browser.name}: SKIPPED: ${reason}`);

  describe.skipIf(reason !== undefined)(`setThreads in headless ${browser.name}`, () => {
    it("runs products on 2 threads in a Web Worker of an isolated page with the bits of 1, and refuses on the main thread", async () => {
      const result = await runThreadsPage(browser.name, true);
      expect(result.worker.error).toBeUndefined();
      expect(result.worker.crossOriginIsolated).toBe(true);
      expect(result.worker.threads).toBe(2);
      expect(result.worker.products).toBe(15);
      expect(result.worker.differing).toEqual([]);
      expect(result.mainThread).toBe("setThreads: this thread cannot block in Atomics.wait (a browser's main thread): call setThreads and train inside a Web Worker");
    });

    it("says that the page is not cross-origin isolated, on the main thread and in a worker", async () => {
      const result = await runThreadsPage(browser.name, false);
      const why = /^setThreads: worker threads cannot share the wasm kernels' memory here: .*crossOriginIsolated === true/;
      expect(result.worker.crossOriginIsolated).toBe(false);
      expect(result.worker.error).toMatch(why);
      expect(result.mainThread).toMatch(why);
    });
  });
}
