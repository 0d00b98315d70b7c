import { BUNDLE_GLOBAL } from "./bundle-scenario.js";

/**
 * The HTML page that loads `scenario.js` (the bundle), runs it and hands `{ hashes }` or
 * `{ error }` to `deliver`, a statement using the JSON text in the variable `json`.
 */
export function scenarioPage(deliver: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="scenario.js"></script>
<script>
  let result;
  try { result = { hashes: ${BUNDLE_GLOBAL}.runScenario() }; }
  catch (error) { result = { error: String(error && error.stack || error) }; }
  const json = JSON.stringify(result);
  ${deliver}
</script></body></html>`;
}
