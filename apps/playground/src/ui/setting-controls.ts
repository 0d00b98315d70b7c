import { formatValue, parseValue, SETTING_FIELDS, type Setting, type SettingField } from "@nn/studio";
import { h, uniqueId } from "./element.js";

/** A control bound to one entry of the setting: it shows the entry and proposes changes of it. */
export interface BoundControl {
  readonly element: HTMLElement;
  /** Shows the setting's value (unless the person is typing in it). */
  sync(setting: Setting): void;
}

export type Propose = (change: Partial<Setting>) => void;

/** Extra words after a label, for entries whose meaning depends on others. */
const HINTS: Partial<Record<keyof Setting, string>> = {
  momentum: "SGD, RMSprop",
  nesterov: "SGD with momentum",
  beta1: "Adam, AdamW",
  beta2: "Adam, AdamW",
  gamma: "step, exponential, plateau",
  stepSize: "step; cosine period",
  batchSize: "0 or full: all",
  clip: "max gradient norm; 0 off",
  epochs: "stops there; Play goes on",
  seed: "data, weights, shuffling",
  warmup: "epochs",
};

/**
 * A control for one field of the setting table, labelled with the table's label: a select for a
 * choice, a checkbox for a switch, a text box read by the table's own parser for numbers (a
 * value it refuses is marked invalid with the parser's message, and nothing is applied).
 */
export function fieldControl(field: SettingField, propose: Propose): BoundControl {
  const id = uniqueId(field.flag);
  const hint = HINTS[field.key];
  const label = h("label", { for: id }, field.label, hint !== undefined ? h("small", {}, ` (${hint})`) : undefined);
  const kind = field.kind;
  if (kind.type === "choice") {
    const select = h("select", { id, name: field.flag, onchange: () => propose({ [field.key]: select.value }) },
      ...kind.choices.map((c) => h("option", { value: c }, c)));
    return { element: h("div", { class: "field" }, label, select), sync: (s) => { select.value = String(s[field.key]); } };
  }
  if (kind.type === "switch") {
    const box = h("input", { id, type: "checkbox", name: field.flag, onchange: () => propose({ [field.key]: box.checked }) });
    return { element: h("div", { class: "field switch" }, box, label), sync: (s) => { box.checked = s[field.key] === true; } };
  }
  const errorId = `${id}-error`;
  const error = h("span", { id: errorId, class: "field-error", role: "alert" });
  const input = h("input", {
    id, type: "text", name: field.flag, inputmode: "decimal", autocomplete: "off", spellcheck: "false", "aria-describedby": errorId,
    onchange: () => {
      try {
        const value = parseValue(field, input.value.trim());
        input.removeAttribute("aria-invalid");
        error.textContent = "";
        propose({ [field.key]: value });
      } catch (e) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = e instanceof Error ? e.message.replace(/^setting: /, "") : String(e);
      }
    },
  });
  return {
    element: h("div", { class: "field" }, label, input, error),
    sync: (s) => {
      if (document.activeElement === input || input.getAttribute("aria-invalid") === "true") return;
      input.value = formatValue(field, s[field.key]);
    },
  };
}

/** The table's fields with these keys, in the table's order. */
export function fieldsOf(keys: readonly (keyof Setting)[]): SettingField[] {
  return SETTING_FIELDS.filter((f) => keys.includes(f.key));
}
