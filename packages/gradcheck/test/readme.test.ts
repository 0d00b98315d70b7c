// Every code block of the README runs (test-support/readme-blocks.ts), and the report it shows after
// the example is compared with what the example prints (an `output` block).
import { expect, test } from "vitest";
import { runReadme } from "../../../test-support/readme-blocks.js";

test("the README example runs, and both checks pass", async () => {
  const [example] = await runReadme(new URL("../README.md", import.meta.url));
  expect(example.printed).toHaveLength(2);
  expect(example.printed[0]).toMatch(/^gradcheck PASSED/);
  expect(example.printed[0]).toMatch(/^scale +\[3\] +3\/3 /m);
  expect(example.printed[1]).toMatch(/^gradcheck PASSED/);
  expect(example.printed[1]).toContain("(cast from float32)");
});
