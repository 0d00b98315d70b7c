/**
 * Raw numbers as JSON: every number rounded to 6 significant digits (non-finite → null), objects
 * indented, arrays of numbers kept on one line (a curve would otherwise take a line per point).
 * Keys keep their insertion order, which the studies fix. Same data, same bytes.
 */
import { roundForJson } from "../format.js";

export function rawJson(data: unknown): string {
  return serialize(data, "") + "\n";
}

function serialize(value: unknown, indent: string): string {
  if (typeof value === "number") return JSON.stringify(roundForJson(value));
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  const inner = indent + " ";
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.every((v) => typeof v === "number" || v === null || typeof v === "string" || typeof v === "boolean")) {
      return `[${items.map((v) => serialize(v, inner)).join(",")}]`;
    }
    return `[\n${items.map((v) => inner + serialize(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${serialize(v, inner)}`).join(",\n")}\n${indent}}`;
}
