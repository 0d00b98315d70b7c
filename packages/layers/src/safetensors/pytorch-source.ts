import { checkOptions, optionKeys } from "@nn/tensor";
import type { Sequential } from "../containers/sequential.js";
import type { JsonObject, JsonValue } from "../json.js";
import type { Layer } from "../layer.js";
import { SafetensorsError } from "./safetensors-error.js";
import { checkStandardize, type Standardize } from "./standardize.js";
import { PYTHON_HELPERS, PYTHON_RESIDUAL, PYTHON_STANDARDIZE } from "./pytorch-source-text.js";

export interface PyTorchSourceOptions {
  /** The input standardisation as the Sequential's first module (as `toSafetensors` with the same option writes it). */
  standardize?: Standardize;
  /** A line saying what the model is, for the file's docstring. */
  title?: string;
}

/**
 * Python's parser refuses expressions nested much deeper than this (about 200 parentheses), and no
 * readable module file nests so deep: a deeper model is refused by name instead of writing a file
 * Python cannot read.
 */
const MAX_NESTING = 50;

/** A number as Python source: JavaScript's shortest round-trip text reads back as the same double in Python. */
function py(value: JsonValue | undefined): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : value < 0 ? 'float("-inf")' : 'float("nan")';
    // 1e-5 rather than 0.00001, as Python writes small numbers (toExponential() keeps every digit needed).
    const magnitude = Math.abs(value);
    return magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16) ? value.toExponential() : String(value);
  }
  if (typeof value === "boolean") return value ? "True" : "False";
  return JSON.stringify(value);
}

function pyList(values: ArrayLike<number>): string {
  return `[${Array.from(values, (v) => py(v)).join(", ")}]`;
}

/** `torch.nn` constructor text for a layer without children, or undefined for a container. */
function leafModule(type: string, c: JsonObject, path: string): string | undefined {
  switch (type) {
    case "Dense": return `nn.Linear(${py(c.inFeatures)}, ${py(c.outFeatures)}, bias=${py(c.bias)}, dtype=DTYPE)`;
    case "ReLU": return "nn.ReLU()";
    case "Sigmoid": return "nn.Sigmoid()";
    case "Tanh": return "nn.Tanh()";
    case "SiLU": return "nn.SiLU()";
    case "Softmax": return "nn.Softmax(dim=-1)";
    case "LeakyReLU": return `nn.LeakyReLU(negative_slope=${py(c.alpha)})`;
    case "ELU": return `nn.ELU(alpha=${py(c.alpha)})`;
    case "GELU": return c.approximate === "tanh" ? 'nn.GELU(approximate="tanh")' : "nn.GELU()";
    case "Softplus": return `nn.Softplus(beta=${py(c.beta)}, threshold=${py(c.threshold)})`;
    case "Dropout": return `nn.Dropout(p=${py(c.p)})`;
    case "BatchNorm1d": return `nn.BatchNorm1d(${py(c.features)}, eps=${py(c.eps)}, momentum=${py(c.momentum)}, dtype=DTYPE)`;
    case "LayerNorm": return `nn.LayerNorm(${py(c.features)}, eps=${py(c.eps)}, dtype=DTYPE)`;
    case "Sequential":
    case "Residual":
      return undefined;
    default:
      throw new SafetensorsError("", `${type} at "${path}" has no PyTorch module that nn knows how to write`);
  }
}

/** The module expression for `layer`, children one per line, indented by `depth` levels. */
function moduleSource(layer: Layer, path: string, depth: number): string {
  if (depth > MAX_NESTING) throw new SafetensorsError("", `"${path}" is nested ${depth} containers deep; a PyTorch module file stops at ${MAX_NESTING}`);
  const spec = layer.toSpec();
  const leaf = leafModule(spec.type, spec.config, path);
  if (leaf !== undefined) return leaf;
  const inner = "    ".repeat(depth + 1), closing = "    ".repeat(depth);
  if (spec.type === "Residual") {
    const { block } = layer as unknown as { block: Layer };
    return `Residual(${moduleSource(block, `${path}.block`, depth)})`;
  }
  const { layers } = layer as unknown as { layers: readonly Layer[] };
  const children = layers.map((child, i) => `${inner}${moduleSource(child, `${path}.layers.${i}`, depth + 1)},\n`);
  return `nn.Sequential(\n${children.join("")}${closing})`;
}

/** Words on lines of at most 96 characters, so the docstring reads in any editor. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > 96) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}

function usesType(model: Sequential, type: string): boolean {
  return JSON.stringify(model.toSpec()).includes(`"type":${JSON.stringify(type)}`);
}

/**
 * A small, readable Python file defining the PyTorch module that matches `model`: `build()`
 * returns the `torch.nn.Sequential` (with the input standardisation as module 0 when given),
 * `load(path)` builds it and loads a safetensors file written by `toSafetensors(model, { naming:
 * "pytorch", standardize })` (with the `safetensors` package when installed, else the standard
 * library and `torch.frombuffer`), `save(model, path)` writes one back for `loadSafetensors`.
 */
const PYTORCH_SOURCE_OPTIONS = optionKeys<PyTorchSourceOptions>()("standardize", "title");

export function toPyTorchSource(model: Sequential, options: PyTorchSourceOptions = {}): string {
  checkOptions("toPyTorchSource", options, PYTORCH_SOURCE_OPTIONS);
  const scaling = options.standardize === undefined ? undefined : checkStandardize(options.standardize, "toPyTorchSource");
  const modules: string[] = [];
  if (scaling !== undefined) modules.push(`Standardize(\n            mean=${pyList(scaling.mean)},\n            std=${pyList(scaling.std)},\n        )`);
  model.layers.forEach((layer, i) => modules.push(moduleSource(layer, `layers.${i}`, 2)));
  const title = (options.title ?? `the nn model ${model.describe()}`).replace(/"""|\\/g, "");
  const parts = [
    `"""${wrap(`PyTorch module for ${title}, written by nn.`)}\n\n` +
      "build() returns the torch.nn.Sequential; load(path) builds it with the weights of the\n" +
      "safetensors file nn exported beside this one (`nn export --output m.safetensors`);\n" +
      "save(model, path) writes the weights back, for `nn import --pytorch`.\n" +
      '"""',
    "import json\nimport struct\nimport sys\n\nimport torch\nfrom torch import nn",
    `DTYPE = torch.${model.dtype}`,
  ];
  if (scaling !== undefined) parts.push(PYTHON_STANDARDIZE);
  if (usesType(model, "Residual")) parts.push(PYTHON_RESIDUAL);
  parts.push(`def build():\n    """The nn model's architecture, freshly initialised (load() fills in the weights)."""\n    return nn.Sequential(\n${modules.map((m) => `        ${m},\n`).join("")}    )`);
  parts.push(PYTHON_HELPERS);
  return parts.join("\n\n\n") + "\n";
}
