import { FlagReader } from "../args/flag-values.js";
import { formatFlagHelp, parseFlags, type FlagSpecs } from "../args/parse-flags.js";
import { EXIT_OK } from "../args/usage-error.js";
import type { Command, CommandIO } from "./command.js";
import { readModelFile } from "./model-file.js";

const FLAGS: FlagSpecs = {
  model: { type: "string", value: "<m.json>", description: "a saved model (required)" },
  help: { type: "boolean", short: "h", description: "show this help" },
};

export const summaryCommand: Command = {
  name: "summary",
  summary: "show a saved model's layers, parameter counts and training metadata",
  usage: () => ["usage: nn summary --model m.json", "", formatFlagHelp(FLAGS)].join("\n"),
  run: async (argv: readonly string[], io: CommandIO): Promise<number> => {
    const { values } = parseFlags("summary", argv, FLAGS);
    const f = new FlagReader("summary", values);
    if (f.boolean("help")) {
      io.stdout.write(summaryCommand.usage() + "\n");
      return EXIT_OK;
    }
    const loaded = await readModelFile("summary", f.requiredString("model"));
    const meta = loaded.metadata;
    const lines = [loaded.model.summary(loaded.inputFeatures), ""];
    lines.push(`inputs:   ${loaded.inputFeatures} (${loaded.featureNames.join(", ")})`);
    lines.push(loaded.regression ? "output:   one real value (regression, trained with MSE)" : `classes:  ${loaded.classNames.join(", ")}`);
    lines.push(`scaling:  ${loaded.scaler === undefined ? "none (raw inputs)" : "standardised with the training split's mean and std"}`);
    if (typeof meta.dataset === "string") lines.push(`data:     ${meta.dataset}`);
    if (typeof meta.trainedEpochs === "number") lines.push(`trained:  ${meta.trainedEpochs} epochs${typeof meta.seed === "number" ? `, seed ${meta.seed}` : ""}`);
    if (meta.options !== undefined) lines.push(`options:  ${JSON.stringify(meta.options)}`);
    io.stdout.write(lines.join("\n") + "\n");
    return EXIT_OK;
  },
};
