import { execFileSync, spawnSync } from "node:child_process";

/** A tmux server of our own (its own socket), so the test never touches a user's sessions. */
export class Tmux {
  constructor(readonly socket: string) {}

  static assertInstalled(): void {
    const probe = spawnSync("tmux", ["-V"], { encoding: "utf8" });
    if (probe.error !== undefined || probe.status !== 0) {
      throw new Error(
        "the end-to-end test needs tmux to run nn in a real pseudo-terminal, and tmux was not found. " +
          "Install it (Debian/Ubuntu: apt-get install tmux; macOS: brew install tmux); .ci/run installs it.",
      );
    }
  }

  private tmux(args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  start(command: string, columns: number, rows: number, cwd: string): void {
    this.tmux(["new-session", "-d", "-x", String(columns), "-y", String(rows), "-c", cwd, command]);
    // Keep the pane after the program exits so its last screen and exit status can be read.
    this.tmux(["set-option", "-g", "remain-on-exit", "on"]);
  }

  screen(): string {
    return this.tmux(["capture-pane", "-p"]);
  }

  send(key: string): void {
    this.tmux(["send-keys", key]);
  }

  /** The program's exit status once it has exited, else undefined. */
  exitStatus(): number | undefined {
    const [dead, status] = this.tmux(["display-message", "-p", "#{pane_dead} #{pane_dead_status}"]).trim().split(" ");
    return dead === "1" ? Number(status) : undefined;
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
