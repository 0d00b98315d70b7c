/** Small helpers for writing SVG text by hand, deterministically. */
import { fixed } from "../format.js";

/** A coordinate with two decimals: enough for a crisp plot, short and stable text. */
export function px(x: number): string {
  return fixed(x, 2);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Opens an SVG document of the given size with a white background and a shared font. */
export function svgOpen(width: number, height: number, title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ].join("\n");
}

export function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${px(x)}" y="${px(y)}"${attrs === "" ? "" : " " + attrs}>${escapeXml(content)}</text>`;
}

/** A path through the points, `M x y L x y …`; non-finite points break the line. */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  let d = "";
  let pen = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) { pen = false; continue; }
    d += `${pen ? " L" : d === "" ? "M" : " M"}${px(x)} ${px(y)}`;
    pen = true;
  }
  return d;
}
