import { basename } from "node:path";
import { type Standardize, toPyTorchSource } from "@nn/layers";
import { saveSafetensors, writeFileSafely } from "@nn/layers/node";
import type { LoadedModel } from "./model-file.js";

/** What `nn export` writes, chosen by the output's extension; anything else is ONNX (as before this existed). */
export type ExportFormat = "onnx" | "safetensors" | "pytorch-module";

export function exportFormatOf(output: string): ExportFormat {
  const lower = output.toLowerCase();
  if (lower.endsWith(".safetensors")) return "safetensors";
  if (lower.endsWith(".py")) return "pytorch-module";
  return "onnx";
}

/**
 * Writes the weights under PyTorch's names and layouts, or the PyTorch module file whose `load()`
 * reads them. Both put the standardisation first when given, so the two files of one export agree.
 */
export async function exportForPyTorch(format: "safetensors" | "pytorch-module", loaded: LoadedModel, modelPath: string, output: string, standardize: Standardize | undefined): Promise<void> {
  if (format === "safetensors") {
    await saveSafetensors(loaded.model, output, { naming: "pytorch", standardize });
    return;
  }
  const layers = loaded.model.layers.map((l) => l.describe()).join(", ");
  const title = `the nn model ${basename(modelPath)} (${loaded.inputFeatures} inputs: ${layers})`;
  await writeFileSafely(output, toPyTorchSource(loaded.model, { standardize, title }));
}
