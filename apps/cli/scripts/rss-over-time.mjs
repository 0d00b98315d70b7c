#!/usr/bin/env node
// RSS of a live `nn` run over time, in a real terminal (tmux), for the README's memory numbers.
//
//   node apps/cli/scripts/rss-over-time.mjs [--minutes 60] [--every 30] [--settle 60] [--size 120x40]
//        [--out rss.csv] [--label name] -- node --max-old-space-size=64 apps/cli/dist/cli.js train --samples 40 --epochs 100000000
//
// Starts the command (everything after `--`) in a tmux session of its own socket, reads VmRSS of
// the node process from /proc every `--every` seconds for `--minutes`, writes `seconds,rss_mb,epoch`
// rows to `--out` as it goes (so a long run can be watched and survives an interrupted script), and
// ends with the first-10-minute median, the last-10-minute median, and the least-squares slope, all
// of the readings after the first `--settle` seconds (V8 sizes its heaps over the first minute).
// Linux only (/proc); needs tmux.
/* global console, process, setTimeout */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

const dashDash = process.argv.indexOf("--");
if (dashDash < 0 || dashDash === process.argv.length - 1) {
  console.error("usage: rss-over-time.mjs [--minutes M] [--every S] [--size COLSxROWS] [--out FILE] [--label NAME] -- <command…>");
  process.exit(2);
}
const options = { minutes: "60", every: "30", settle: "60", size: "120x40", out: "rss-over-time.csv", label: "" };
const flags = process.argv.slice(2, dashDash);
for (let i = 0; i < flags.length; i += 2) {
  const name = flags[i].replace(/^--/, "");
  if (!(name in options) || flags[i + 1] === undefined) {
    console.error(`rss-over-time: unknown option or missing value: ${flags[i]}`);
    process.exit(2);
  }
  options[name] = flags[i + 1];
}
const minutes = Number(options.minutes);
const every = Number(options.every);
const settle = Number(options.settle);
const size = /^(\d+)x(\d+)$/.exec(options.size);
if (!(minutes > 0) || !(every > 0) || !(settle >= 0) || settle >= minutes * 60 || size === null) {
  console.error("rss-over-time: --minutes and --every must be positive numbers, --settle a number of seconds shorter than the run, --size COLSxROWS (e.g. 120x40)");
  process.exit(2);
}
const command = process.argv.slice(dashDash + 1).join(" ");
const socket = `nn-rss-${process.pid}`;
const env = { ...process.env, TERM: process.env.TERM ?? "xterm-256color" };
// A person's terminal: Ink draws only the last frame under CI, React runs its development build under NODE_ENV=test.
delete env.CI;
delete env.NODE_ENV;
const tmux = (...args) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", env });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

tmux("new-session", "-d", "-x", size[1], "-y", size[2], "-c", process.cwd(), `${command}; echo "[exit status $?]"; sleep 3600`);
const stop = () => spawnSync("tmux", ["-L", socket, "kill-server"]);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stop();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}

const panePid = Number(tmux("display-message", "-p", "#{pane_pid}").trim());
let pid = 0;
for (let attempt = 0; attempt < 100 && pid === 0; attempt++) {
  const found = spawnSync("pgrep", ["-P", String(panePid), "-x", "node"], { encoding: "utf8" }).stdout.trim();
  pid = Number(found.split("\n")[0]) || 0;
  if (pid === 0) await sleep(100);
}
if (pid === 0) {
  console.error(`rss-over-time: no node process started in the pane; screen:\n${tmux("capture-pane", "-p")}`);
  stop();
  process.exit(1);
}

const rssMb = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
  } catch {
    return Number.NaN; // the process has exited
  }
};
const epoch = () => Number(/epoch (\d+)[/ ]/.exec(tmux("capture-pane", "-p"))?.[1] ?? -1);

writeFileSync(options.out, "seconds,rss_mb,epoch\n");
const samples = [];
const started = Date.now();
for (let i = 0; i <= Math.round((minutes * 60) / every); i++) {
  await sleep(Math.max(0, started + i * every * 1000 - Date.now()));
  const sample = { t: (Date.now() - started) / 1000, rss: rssMb(), epoch: epoch() };
  if (Number.isNaN(sample.rss)) {
    console.error(`rss-over-time: nn exited after ${sample.t.toFixed(0)} s; screen:\n${tmux("capture-pane", "-p")}`);
    break;
  }
  samples.push(sample);
  appendFileSync(options.out, `${sample.t.toFixed(1)},${sample.rss.toFixed(1)},${sample.epoch}\n`);
}
// Quit as a person would (q), so nn prints its summary line (epochs, time, frames drawn).
let summary = "";
if (!Number.isNaN(rssMb())) {
  tmux("send-keys", "q");
  for (let waited = 0; waited < 60_000 && !/\[exit status \d+\]/.test(tmux("capture-pane", "-p")); waited += 500) await sleep(500);
  summary = tmux("capture-pane", "-p").split("\n").filter((line) => /epochs in|frames|exit status/.test(line)).join(" ").replace(/\s+/g, " ").trim();
}
stop();

const settled = samples.filter((s) => s.t >= settle);
if (settled.length < 2) {
  console.error(`rss-over-time: fewer than two readings after the first ${settle} s; nothing to report`);
  process.exit(1);
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const firstT = settled[0].t;
const lastT = settled.at(-1).t;
const window = Math.min(600, (lastT - firstT) / 2);
const first = settled.filter((s) => s.t <= firstT + window).map((s) => s.rss);
const last = settled.filter((s) => s.t >= lastT - window).map((s) => s.rss);
const n = settled.length;
const meanT = settled.reduce((a, s) => a + s.t, 0) / n;
const meanR = settled.reduce((a, s) => a + s.rss, 0) / n;
const slope = settled.reduce((a, s) => a + (s.t - meanT) * (s.rss - meanR), 0) / settled.reduce((a, s) => a + (s.t - meanT) ** 2, 0);
const label = options.label === "" ? command : options.label;
const mb = (value) => `${value.toFixed(1)} MB`;
console.log(
  `${label}: ${n} readings from ${(firstT / 60).toFixed(1)} to ${(lastT / 60).toFixed(1)} min (epoch ${settled.at(-1).epoch}); ` +
    `RSS median of the first ${(window / 60).toFixed(1)} min ${mb(median(first))}, of the last ${(window / 60).toFixed(1)} min ${mb(median(last))}; ` +
    `min ${mb(Math.min(...settled.map((s) => s.rss)))}, max ${mb(Math.max(...settled.map((s) => s.rss)))}; ` +
    `slope ${(slope * 60).toFixed(3)} MB/min (${(slope * 3600).toFixed(1)} MB/h)`,
);
if (summary !== "") console.log(`${label}: nn said: ${summary}`);
