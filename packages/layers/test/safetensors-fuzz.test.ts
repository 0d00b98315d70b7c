import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { BatchNorm1d, Dense, ReLU, Residual, SafetensorsError, Sequential, loadSafetensors, modelFromSafetensors, toSafetensors } from "../src/index.js";

const architecture = () => new Sequential([new Dense(3, 4), new BatchNorm1d(4), new ReLU(), new Residual(new Sequential([new Dense(4, 4)])), new Dense(4, 1)]);

/** Every outcome allowed for a damaged file: it loads, or it is refused with a SafetensorsError (never another error, a crash or a hang). */
function outcome(run: () => unknown): "loaded" | "refused" {
  try {
    run();
    return "loaded";
  } catch (error) {
    if (!(error instanceof SafetensorsError)) throw new Error(`expected a SafetensorsError, got ${String(error)}`, { cause: error });
    return "refused";
  }
}

describe("damaged safetensors files (seeded fuzzing)", () => {
  for (const naming of ["pytorch", "nn"] as const) {
    it(`flipped bytes, truncations and spliced header text, ${naming} naming: loaded or refused with a SafetensorsError`, () => {
      const good = toSafetensors(architecture(), { naming });
      const headerEnd = 8 + Number(new DataView(good.buffer).getBigUint64(0, true));
      const rng = createRng(2026);
      const counts = { loaded: 0, refused: 0 };
      for (let trial = 0; trial < 600; trial++) {
        let bytes = good.slice();
        const kind = trial % 3;
        if (kind === 0) {
          // Damage the header (lengths, offsets, dtypes, names) more often than the weights.
          for (let k = 0; k < 1 + rng.int(3); k++) bytes[rng.int(headerEnd)] = rng.int(256);
        } else if (kind === 1) {
          bytes = bytes.subarray(0, rng.int(bytes.length));
        } else {
          const text = new TextDecoder().decode(bytes.subarray(8, headerEnd));
          const at = rng.int(text.length);
          const spliced = text.slice(0, at) + ["-1", "1e308", "\"F16\"", "[]", "null", "{}", "99999999999"][rng.int(7)] + text.slice(at + 1 + rng.int(4));
          const header = new TextEncoder().encode(spliced);
          const out = new Uint8Array(8 + header.length + good.length - headerEnd);
          new DataView(out.buffer).setBigUint64(0, BigInt(header.length), true);
          out.set(header, 8);
          out.set(good.subarray(headerEnd), 8 + header.length);
          bytes = out;
        }
        counts[outcome(() => loadSafetensors(architecture(), bytes, { naming }))]++;
        if (naming === "nn") outcome(() => modelFromSafetensors(bytes));
      }
      // Most damage is caught; a flipped byte inside a name or a padding space can leave a valid file.
      expect(counts.refused).toBeGreaterThan(450);
    });
  }
});
