import { OnnxConversionError } from "./errors.js";
import { attributeOf, type OnnxGraph, type OnnxNode, type OnnxTensor } from "./onnx-model.js";

/** Read-only queries over an ONNX graph for the importer: constants, consumers, what is left. */
export class GraphView {
  readonly constants = new Map<string, OnnxTensor>();
  private readonly consumers = new Map<string, OnnxNode[]>();
  private readonly index = new Map<OnnxNode, number>();
  private readonly consumed = new Set<OnnxNode>();

  constructor(readonly graph: OnnxGraph) {
    for (const t of graph.initializers) this.constants.set(t.name, t);
    graph.nodes.forEach((n, i) => {
      this.index.set(n, i);
      if (n.opType === "Constant" && n.domain === "") {
        const value = attributeOf(n, "value")?.t;
        if (!value) throw new OnnxConversionError(`importONNX: ${this.label(n)}: only Constant nodes with a tensor 'value' are supported`);
        this.constants.set(n.outputs[0], value);
        this.consumed.add(n);
        return;
      }
      for (const input of n.inputs) {
        if (input === "" || this.constants.has(input)) continue;
        const list = this.consumers.get(input) ?? [];
        list.push(n);
        this.consumers.set(input, list);
      }
    });
  }

  /** `node 3 "/fc1/Gemm" (Gemm)`: how errors name a node. */
  label(n: OnnxNode): string {
    return `node ${this.index.get(n) ?? "?"} "${n.name}" (${n.opType})`;
  }

  /** Nodes reading `value` that no pattern has taken yet, in graph order. */
  pending(value: string, excluded: ReadonlySet<OnnxNode> = new Set()): OnnxNode[] {
    return (this.consumers.get(value) ?? []).filter((n) => !this.consumed.has(n) && !excluded.has(n));
  }

  take(nodes: OnnxNode[]): void {
    for (const n of nodes) this.consumed.add(n);
  }

  isConsumed(n: OnnxNode): boolean {
    return this.consumed.has(n);
  }

  constant(name: string): OnnxTensor | undefined {
    return this.constants.get(name);
  }

  /** The single number held by a constant of any rank with one element, if `name` is one. */
  scalar(name: string): number | undefined {
    const t = this.constants.get(name);
    if (!t || t.data.length !== 1) return undefined;
    return Number(t.data[0]);
  }

  /** The only pending consumer of `value` with this op, when there is exactly one such. */
  soleConsumer(value: string, opType: string): OnnxNode | undefined {
    const list = this.pending(value).filter((n) => n.opType === opType);
    return list.length === 1 ? list[0] : undefined;
  }

  /** Whether `target` can be computed from `from` through pending nodes (a residual's join). */
  reaches(from: string, target: string, excluded: ReadonlySet<OnnxNode>): boolean {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v === target) return true;
      for (const n of this.pending(v, excluded)) {
        for (const o of n.outputs) {
          if (seen.has(o)) continue;
          seen.add(o);
          stack.push(o);
        }
      }
    }
    return false;
  }
}

export function intAttr(n: OnnxNode, name: string, fallback: number): number {
  return attributeOf(n, name)?.i ?? fallback;
}

export function floatAttr(n: OnnxNode, name: string, fallback: number): number {
  return attributeOf(n, name)?.f ?? fallback;
}
