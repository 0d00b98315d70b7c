import type { ConfusionCounts } from "@nn/studio";
import { h } from "./element.js";

/** The confusion matrix as a table: rows the actual class, columns the predicted one, the diagonal marked. */
export function confusionTable(confusion: ConfusionCounts): HTMLElement {
  const { classes, counts } = confusion;
  const k = classes.length;
  let right = 0, total = 0, largest = 0;
  for (let a = 0; a < k; a++) for (let p = 0; p < k; p++) {
    const c = counts[a * k + p];
    total += c;
    if (a === p) right += c;
    largest = Math.max(largest, c);
  }
  const cell = (a: number, p: number): HTMLElement => {
    const c = counts[a * k + p];
    const shade = largest === 0 ? 0 : c / largest;
    return h("td", { class: a === p ? "diagonal" : c > 0 ? "miss" : "", style: `--shade: ${shade.toFixed(3)}` }, String(c));
  };
  return h("table", { class: "confusion" },
    h("caption", {}, `Confusion matrix on the held-out data: ${right} of ${total} right (rows: actual class, columns: predicted)`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "actual \\ predicted"), ...classes.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...classes.map((c, a) => h("tr", {}, h("th", { scope: "row" }, c), ...classes.map((_, p) => cell(a, p))))),
  );
}
