import { SafetensorsError } from "@nn/layers";
import { loadSafetensorsFile, saveModel } from "@nn/layers/node";
import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { EXIT_OK, UsageError } from "../args/usage-error.js";
import { firstLine } from "../session/load-data.js";
import type { Command, CommandIO } from "./command.js";
import { readModelFile } from "./model-file.js";
import { checkOutputFlag } from "./output-path.js";

const FLAGS: FlagSpecs = {
  pytorch: { type: "string", value: "<m.safetensors>", description: "weights under PyTorch's names (save() of the module file nn export --output m.py writes) (required)" },
  like: { type: "string", value: "<m.json>", description: "the nn model of the same architecture whose metadata (scaling, class names) the result keeps (required)" },
  output: { type: "string", value: "<m2.json>", description: "the model file to write (required; a file is replaced atomically, a link followed)" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export const importCommand: Command = {
  name: "import",
  summary: "bring weights trained in PyTorch (safetensors) back into an nn model file",
  usage: () =>
    [
      "usage: nn import --pytorch m.safetensors --like m.json --output m2.json",
      "",
      "Loads the safetensors file into the architecture of --like: every tensor must be there under",
      "its PyTorch name with its dtype and shape, and nothing else (a mismatch is refused, naming the",
      "tensor). An input standardisation in the file (module 0: 0.mean, 0.std) becomes the model's",
      "saved input scaling; the rest of --like's metadata is kept.",
      "",
      formatFlagHelp(FLAGS),
    ].join("\n"),
  run: async (argv: readonly string[], io: CommandIO): Promise<number> => {
    const { values } = parseFlags("import", argv, FLAGS);
    const f = new FlagReader("import", values);
    if (f.boolean("help")) {
      io.stdout.write(importCommand.usage() + "\n");
      return EXIT_OK;
    }
    const weightsPath = f.requiredString("pytorch");
    const likePath = f.requiredString("like");
    const output = f.requiredString("output");
    checkOutputFlag("import", "output", output);
    const loaded = await readModelFile("import", likePath);
    let standardize: { mean: number[]; std: number[] } | undefined;
    try {
      ({ standardize } = await loadSafetensorsFile(loaded.model, weightsPath, { naming: "pytorch" }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ENOENT") throw new UsageError(`nn import: --pytorch: ${weightsPath} does not exist`);
      if (error instanceof SafetensorsError) throw new UsageError(`nn import: ${weightsPath} does not fit ${likePath}: ${error.message}`);
      throw new UsageError(`nn import: cannot read ${weightsPath}: ${firstLine(error)}`);
    }
    io.registerOutput?.(output);
    const metadata = { ...loaded.metadata };
    if (standardize !== undefined) metadata.inputScaler = { type: "StandardScaler", mean: standardize.mean, scale: standardize.std };
    try {
      await saveModel(loaded.model, output, metadata);
    } catch (error) {
      throw new UsageError(`nn import: ${firstLine(error)}`);
    }
    const scaling = standardize !== undefined ? ", input scaling from module 0" : loaded.scaler !== undefined ? `, input scaling kept from ${likePath}` : "";
    io.stdout.write(`wrote ${output}: ${loaded.model.describe()} with the weights of ${weightsPath}${scaling}\n`);
    return EXIT_OK;
  },
};
