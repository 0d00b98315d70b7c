import { BUILTIN_DATASETS, DEFAULT_SETTING, isBuiltin, settingFromQuery, settingToQuery, type Setting } from "@nn/studio";

/**
 * What the page opens with when the link names no setting: the TensorFlow Playground's start
 * (two small tanh layers, learning rate 0.03, batch 10, half the data held out, circles). A link
 * always spells the setting out against @nn/studio's defaults, so it means the same to `nn train`.
 */
export const PAGE_PRESET: Setting = {
  ...DEFAULT_SETTING, data: "circles", noise: 0.1, samples: 500, testSplit: 0.5, layers: [4, 2], activation: "tanh",
  init: "xavier-normal", lr: 0.03, batchSize: 10, epochs: 1000,
};

/** The setting a page address names (after `#`, or `?` as a fallback), or the page preset and why the address could not be read. */
export function settingFromAddress(hash: string, search: string): { setting: Setting; error?: string } {
  const query = hash.replace(/^#/, "") !== "" ? hash : search;
  if (query.replace(/^[?#]/, "") === "") return { setting: PAGE_PRESET };
  try {
    const setting = settingFromQuery(query);
    // The page has only the built-in sets (a CSV path is for nn train).
    if (!isBuiltin(setting.data)) throw new RangeError(`data must be one of ${BUILTIN_DATASETS.join(", ")}, got "${setting.data}"`);
    return { setting };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^setting: /, "") : String(error);
    return { setting: PAGE_PRESET, error: `The link's setting could not be read: ${message}.` };
  }
}

/** The address fragment that reproduces a setting (never empty, so it never means the page preset). */
export function addressOf(setting: Setting): string {
  const query = settingToQuery(setting);
  return `#${query === "" ? `data=${setting.data}` : query}`;
}
