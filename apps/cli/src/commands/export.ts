import { MAX_OPSET, MIN_OPSET } from "@nn/onnx";
import { saveONNX } from "@nn/onnx/node";
import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { EXIT_OK, UsageError } from "../args/usage-error.js";
import { firstLine } from "../session/load-data.js";
import type { Command, CommandIO } from "./command.js";
import { readModelFile } from "./model-file.js";
import { checkOutputFlag } from "./output-path.js";
import { exportForPyTorch, exportFormatOf } from "./pytorch-export.js";

const FLAGS: FlagSpecs = {
  model: { type: "string", value: "<m.json>", description: "a model saved by nn train --save (required)" },
  output: { type: "string", value: "<m.onnx>", description: "the file to write: m.safetensors (PyTorch weights), m.py (PyTorch module), else ONNX (required; a file is replaced atomically, a link followed)" },
  opset: { type: "string", value: "<n>", description: `ONNX operator set, ${MIN_OPSET}–${MAX_OPSET}`, default: "17" },
  "no-standardize": { type: "boolean", description: "leave the input scaling out: the ONNX model then takes standardised inputs" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export const exportCommand: Command = {
  name: "export",
  summary: "write a saved model as ONNX (ONNX Runtime), or as safetensors and a PyTorch module",
  usage: () =>
    [
      "usage: nn export --model m.json --output m.onnx [--opset 17]",
      "       nn export --model m.json --output m.safetensors     (and --output m.py)",
      "",
      "The ONNX graph includes the model's input standardisation (unless --no-standardize), so it",
      "takes the same raw inputs as nn predict. Input \"input\" [batch, features], output \"output\".",
      "m.safetensors holds the weights under PyTorch's names and layouts; m.py defines build(),",
      "load(\"m.safetensors\") and save(model, path): the matching torch.nn.Sequential, with the input",
      "standardisation as its first module (unless --no-standardize; use the same flags for both).",
      "",
      formatFlagHelp(FLAGS),
    ].join("\n"),
  run: async (argv: readonly string[], io: CommandIO): Promise<number> => {
    const { values } = parseFlags("export", argv, FLAGS);
    const f = new FlagReader("export", values);
    if (f.boolean("help")) {
      io.stdout.write(exportCommand.usage() + "\n");
      return EXIT_OK;
    }
    const modelPath = f.requiredString("model");
    const output = f.requiredString("output");
    const opset = f.integer("opset", 17);
    if (opset < MIN_OPSET || opset > MAX_OPSET) f.fail("opset", `an integer in [${MIN_OPSET}, ${MAX_OPSET}]`, String(opset));
    checkOutputFlag("export", "output", output);
    const loaded = await readModelFile("export", modelPath);
    const scaler = f.boolean("no-standardize") ? undefined : loaded.scaler;
    const standardize = scaler?.mean && scaler.scale ? { mean: scaler.mean, std: scaler.scale } : undefined;
    io.registerOutput?.(output);
    const format = exportFormatOf(output);
    try {
      if (format === "onnx") await saveONNX(loaded.model, output, { opset, inputFeatures: loaded.inputFeatures, standardize });
      else await exportForPyTorch(format, loaded, modelPath, output, standardize);
    } catch (error) {
      throw new UsageError(`nn export: cannot export ${modelPath}: ${firstLine(error)}`);
    }
    const scaling = standardize ? (format === "onnx" ? ", inputs standardised in the graph" : ", inputs standardised by module 0") : "";
    io.stdout.write(`wrote ${output}: ${loaded.model.describe()}${format === "onnx" ? `, opset ${opset}` : format === "safetensors" ? ", PyTorch names and layouts" : ", a PyTorch module file"}${scaling}\n`);
    return EXIT_OK;
  },
};
