/** Attributes and properties of a new element: strings are attributes, functions are `on…` listeners. */
export type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** A new element with attributes, listeners (`onclick`) and children: the page's only DOM helper. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "value" || key === "checked") (node as unknown as Record<string, unknown>)[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

let nextId = 0;
/** A unique id for a label's `for` and `aria-describedby`. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
