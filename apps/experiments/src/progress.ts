/**
 * Progress on stderr: a redrawn bar on a terminal, one plain line per study and every tenth of it
 * otherwise (CI logs). The stream and the clock are injected so the bar can be tested.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class ProgressBar {
  private done = 0;
  private lastLogged = -1;
  private readonly start: number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly now: () => number,
  ) {
    this.start = now();
  }

  tick(study: string, label: string): void {
    this.done++;
    const fraction = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const elapsed = (this.now() - this.start) / 1000;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : 0;
    if (this.stream.isTTY === true) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${elapsed.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left  ${study}: ${label}`;
      const max = (this.stream.columns ?? 100) - 1;
      this.stream.write(`\r${line.length > max ? line.slice(0, max) : line.padEnd(max)}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== this.lastLogged) {
        this.lastLogged = decile;
        this.stream.write(`${String(Math.round(fraction * 100)).padStart(3)}% (${this.done}/${this.total}) ${elapsed.toFixed(0)}s  ${study}: ${label}\n`);
      }
    }
  }

  finish(): void {
    if (this.stream.isTTY === true) this.stream.write("\n");
  }
}
