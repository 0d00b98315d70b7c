import { CsvError, type Dataset } from "@nn/datasets";
import { loadCsvSync } from "@nn/datasets/node";
import { UsageError } from "../args/usage-error.js";
import { builtinDataset, type ProblemName } from "@nn/studio";
import type { DataSource } from "../args/train-options.js";
import { loadRegressionCsv } from "./load-regression-csv.js";

/** A loaded data set and the name the header and the model file give it. */
export interface LoadedData {
  readonly dataset: Dataset;
  readonly name: string;
}

/** Builds or reads the data a run trains on. File problems are usage errors (exit 2). */
export function loadData(source: DataSource, seed: number, problem: ProblemName = "classification"): LoadedData {
  if (source.kind === "csv" && problem === "regression") {
    try {
      return { dataset: loadRegressionCsv(source.path, source.labelColumn), name: source.path };
    } catch (error) {
      throw new UsageError(`nn: cannot use ${source.path} as regression data: ${firstLine(error)}${delimiterAdvice(error)}`);
    }
  }
  if (source.kind === "csv") {
    let dataset: Dataset;
    try {
      dataset = loadCsvSync(source.path, source.labelColumn === undefined ? {} : { labelColumn: labelColumnOf(source.labelColumn) });
    } catch (error) {
      throw new UsageError(`nn: cannot use ${source.path} as data: ${firstLine(error)}${delimiterAdvice(error)}`);
    }
    if (dataset.numClasses < 2) {
      const label = source.labelColumn === undefined ? "the last column" : `column ${JSON.stringify(source.labelColumn)}`;
      throw new UsageError(
        `nn: cannot train on ${source.path}: every row has the label ${JSON.stringify(dataset.classNames?.[0] ?? "0")} in ${label}; a classifier needs at least two classes (is --label-column right?)`,
      );
    }
    return { dataset, name: source.path };
  }
  return { dataset: builtinDataset(source.name, { samples: source.samples, noise: source.noise, seed, classes: source.classes }), name: source.name };
}

/** The built-in sets come from @nn/studio (the browser Playground generates the same data). */
export { builtinDataset } from "@nn/studio";

/** A file read as one column: in CLI terms, since nn has no delimiter flag. */
export function delimiterAdvice(error: unknown): string {
  if (!(error instanceof CsvError) || error.suggestedDelimiter === undefined) return "";
  return "; nn reads comma-separated files: save it with commas between the values";
}

function labelColumnOf(raw: string): string | number {
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
