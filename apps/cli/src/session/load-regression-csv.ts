import { parseCsvFeatures, type Dataset } from "@nn/datasets";
import { Tensor } from "@nn/tensor";
import { readFileSync } from "node:fs";

/**
 * A CSV for regression: every column numeric, the label column (by header name or 0-based index;
 * the last by default) a real-valued target. A Dataset with `numClasses` 0, as the regression sets.
 * Errors name the file, and the line and column as parseCsvFeatures does.
 */
export function loadRegressionCsv(path: string, labelColumn?: string): Dataset {
  const text = readFileSync(path, "utf8");
  const table = parseCsvFeatures(text, { source: path, dtype: "float32" });
  const width = table.x.shape[1];
  if (width < 2) throw new RangeError(`regression needs at least one feature column and a target column, found ${width} column`);
  const target = targetColumn(table.featureNames, width, labelColumn);
  const n = table.x.shape[0];
  const x = new Float32Array(n * (width - 1));
  const y = new Float32Array(n);
  const d = table.x.data;
  for (let i = 0; i < n; i++) {
    let o = i * (width - 1);
    for (let j = 0; j < width; j++) {
      if (j === target) y[i] = d[i * width + j];
      else x[o++] = d[i * width + j];
    }
  }
  const names = table.featureNames?.filter((_, j) => j !== target);
  return { x: new Tensor(x, [n, width - 1]), y: new Tensor(y, [n]), numClasses: 0, ...(names !== undefined ? { featureNames: names } : {}) };
}

function targetColumn(names: readonly string[] | undefined, width: number, spec: string | undefined): number {
  if (spec === undefined) return width - 1;
  if (/^\d+$/.test(spec)) {
    const index = Number(spec);
    if (index >= width) throw new RangeError(`--label-column ${spec} is past the last column (${width} columns, numbered from 0)`);
    return index;
  }
  const index = names?.indexOf(spec) ?? -1;
  if (index < 0) {
    throw new RangeError(
      names === undefined
        ? `--label-column ${spec} names a column, but the file has no header (give its 0-based index)`
        : `no column named ${JSON.stringify(spec)} (columns: ${names.join(", ")})`,
    );
  }
  return index;
}
