import { execFileSync, spawnSync } from "node:child_process";

/**
 * The environment of a person at a terminal. CI runners set CI=true, and Ink (through is-in-ci)
 * then draws only the final frame, so the live screen would stay blank until nn exits.
 */
function terminalEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  // vitest sets NODE_ENV=test, which nn would inherit and so run React's development build: its
  // retained debugging data made RSS climb ~8 MB/s in this test (measured: 343 → 853 MB in 60 s
  // with NODE_ENV=test, 242 → 271 MB without). A person's shell does not set it.
  delete env.NODE_ENV;
  env.TERM ??= "xterm-256color";
  return env;
}

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
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8", env: terminalEnv() });
  }

  /**
   * Runs `command` in a new pane. When it exits, the shell prints its exit status on the screen
   * and keeps the pane open, so both the last screen and the status can be read (tmux's own
   * pane_dead_status is not filled in by every tmux version).
   */
  start(command: string, columns: number, rows: number, cwd: string): void {
    const wrapped = `${command}; echo "[exit status $?]"; sleep 3600`;
    // Right after kill(), the old server may still be shutting down on the same socket: retry.
    for (let attempt = 1; ; attempt++) {
      try {
        this.tmux(["new-session", "-d", "-x", String(columns), "-y", String(rows), "-c", cwd, wrapped]);
        return;
      } catch (error) {
        if (attempt === 10) throw error;
        spawnSync("sleep", ["0.3"]);
      }
    }
  }

  /** The pid of the pane's shell (the program runs as its child). */
  panePid(): number {
    return Number(this.tmux(["display-message", "-p", "#{pane_pid}"]).trim());
  }

  screen(): string {
    return this.tmux(["capture-pane", "-p"]);
  }

  send(key: string): void {
    this.tmux(["send-keys", key]);
  }

  /** The program's exit status once it has exited, else undefined. */
  exitStatus(): number | undefined {
    const match = /\[exit status (\d+)\]/.exec(this.screen());
    return match === null ? undefined : Number(match[1]);
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
