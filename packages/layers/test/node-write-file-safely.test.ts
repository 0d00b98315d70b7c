import { execFileSync, spawn } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath, discardUnfinishedWrites, OutputPathError, writeFileSafely } from "../src/node/index.js";

const fresh = (): Promise<string> => mkdtemp(join(tmpdir(), "nn-write-"));
const isRoot = process.getuid?.() === 0;

/** The error a call throws, so a test can check its message and type. */
async function failure(work: () => Promise<unknown>): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure, got none");
}

describe("writeFileSafely: regular files", () => {
  it("creates a missing file and replaces an existing one, leaving no temporary file", async () => {
    const dir = await fresh();
    const path = join(dir, "m.json");
    await writeFileSafely(path, "first");
    await writeFileSafely(path, "second");
    expect(readFileSync(path, "utf8")).toBe("second");
    expect(readdirSync(dir)).toEqual(["m.json"]);
  });

  it("keeps the permission bits of the file it replaces", async () => {
    const dir = await fresh();
    const path = join(dir, "secret.json");
    writeFileSync(path, "old");
    chmodSync(path, 0o600);
    await writeFileSafely(path, "new");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("a write that fails part-way leaves the old file as it was and removes its temporary file", async () => {
    const dir = await fresh();
    const path = join(dir, "m.json");
    writeFileSync(path, "good model");
    // Not a string or bytes: the temporary file is created, then writing into it throws.
    const error = await failure(() => writeFileSafely(path, 42 as unknown as string));
    expect(error).toBeInstanceOf(OutputPathError);
    expect(error.message.startsWith(`cannot write ${path}: `)).toBe(true);
    expect(error.message).not.toMatch(/\.tmp/);
    expect(readFileSync(path, "utf8")).toBe("good model");
    expect(readdirSync(dir)).toEqual(["m.json"]);
  });
});

describe("writeFileSafely: symbolic links are followed, and stay links", () => {
  it("writes through a chain of two links into the real file", async () => {
    const dir = await fresh();
    mkdirSync(join(dir, "store"));
    const real = join(dir, "store", "real.json");
    writeFileSync(real, "old");
    symlinkSync("store/real.json", join(dir, "hop.json")); // relative to the link's own directory
    symlinkSync(join(dir, "hop.json"), join(dir, "link.json"));
    await writeFileSafely(join(dir, "link.json"), "new");
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe(join(dir, "hop.json"));
    expect(lstatSync(join(dir, "hop.json")).isSymbolicLink()).toBe(true);
    // The temporary file was made next to the real file (same file system, so rename is atomic).
    expect(readdirSync(join(dir, "store"))).toEqual(["real.json"]);
    expect(readdirSync(dir).sort()).toEqual(["hop.json", "link.json", "store"]);
  });

  it("a dangling link creates its target", async () => {
    const dir = await fresh();
    symlinkSync("target.json", join(dir, "link.json"));
    await writeFileSafely(join(dir, "link.json"), "created");
    expect(readFileSync(join(dir, "target.json"), "utf8")).toBe("created");
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
  });

  it("a cycle of links is an error naming the path, not a hang", async () => {
    const dir = await fresh();
    symlinkSync("b.json", join(dir, "a.json"));
    symlinkSync("a.json", join(dir, "b.json"));
    const error = await failure(() => writeFileSafely(join(dir, "a.json"), "x"));
    expect(error.message).toBe(`cannot write ${join(dir, "a.json")}: more than 40 symbolic links in a row (a cycle?)`);
  });
});

describe("writeFileSafely: special files are written in place", () => {
  it("a FIFO gets the bytes, read by another process while they are written, and stays a FIFO", async () => {
    const dir = await fresh();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<number | null>((resolve) => reader.on("close", resolve));
    const text = "row\n".repeat(50_000); // 200 kB: more than a pipe holds, so writer and reader must overlap
    await writeFileSafely(fifo, text);
    expect(await ended).toBe(0);
    expect(received).toBe(text);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });

  it("a link to a FIFO writes into the FIFO; the link stays a link", async () => {
    const dir = await fresh();
    execFileSync("mkfifo", [join(dir, "pipe")]);
    symlinkSync("pipe", join(dir, "link"));
    const reader = spawn("cat", [join(dir, "pipe")]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise((resolve) => reader.on("close", resolve));
    await writeFileSafely(join(dir, "link"), "through the link\n");
    await ended;
    expect(received).toBe("through the link\n");
    expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "pipe")).isFIFO()).toBe(true);
  });

  it("a character device made with mknod (1,3: the null device) is written, not replaced", async (context) => {
    const dir = await fresh();
    const device = join(dir, "null");
    try {
      execFileSync("mknod", [device, "c", "1", "3"], { stdio: "ignore" });
    } catch {
      context.skip("mknod is not permitted here (it needs root or CAP_MKNOD)");
    }
    await writeFileSafely(device, "a model nobody keeps");
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readFileSync(device).length).toBe(0); // still the null device: reads give nothing
    expect(readdirSync(dir)).toEqual(["null"]);
  });
});

describe("writeFileSafely: refusals name the user's path", () => {
  it("refuses a directory", async () => {
    const dir = await fresh();
    mkdirSync(join(dir, "out"));
    const error = await failure(() => writeFileSafely(join(dir, "out"), "x"));
    expect(error).toBeInstanceOf(OutputPathError);
    expect(error.message).toBe(`cannot write ${join(dir, "out")}: it is a directory; give a file name`);
    expect(statSync(join(dir, "out")).isDirectory()).toBe(true);
  });

  it("refuses a link to a directory, naming both", async () => {
    const dir = await fresh();
    mkdirSync(join(dir, "out"));
    symlinkSync("out", join(dir, "link"));
    const error = await failure(() => writeFileSafely(join(dir, "link"), "x"));
    expect(error.message).toBe(`cannot write ${join(dir, "link")}: it links to ${join(dir, "out")}, and it is a directory; give a file name`);
  });

  it("a missing directory is named, never the temporary file", async () => {
    const dir = await fresh();
    const path = join(dir, "missing", "m.json");
    const error = await failure(() => writeFileSafely(path, "x"));
    expect(error.message).toBe(`cannot write ${path}: the directory ${join(dir, "missing")} does not exist`);
  });

  it("refuses a socket", async () => {
    const dir = await fresh();
    const path = join(dir, "sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const error = await failure(() => writeFileSafely(path, "x"));
      expect(error.message).toBe(`cannot write ${path}: it is a socket, which cannot be written as a file`);
    } finally {
      server.close();
    }
  });
});

describe("checkOutputPath: before the work starts", () => {
  it("accepts a new file in a writable directory, an existing file, a FIFO and a dangling link", async () => {
    const dir = await fresh();
    writeFileSync(join(dir, "old.json"), "x");
    execFileSync("mkfifo", [join(dir, "pipe")]);
    symlinkSync("nowhere.json", join(dir, "dangling"));
    for (const name of ["new.json", "old.json", "pipe", "dangling"]) expect(() => checkOutputPath(join(dir, name))).not.toThrow();
  });

  it("names a missing directory, a file used as a directory, a directory as target, a read-only file", async () => {
    const dir = await fresh();
    writeFileSync(join(dir, "file"), "x");
    writeFileSync(join(dir, "ro.json"), "x");
    chmodSync(join(dir, "ro.json"), 0o444);
    const message = (path: string): string => {
      try {
        checkOutputPath(path);
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(message(join(dir, "no", "m.json"))).toBe(`cannot write ${join(dir, "no", "m.json")}: the directory ${join(dir, "no")} does not exist`);
    expect(message(join(dir, "file", "m.json"))).toBe(`cannot write ${join(dir, "file", "m.json")}: ${join(dir, "file")} is not a directory`);
    expect(message(dir)).toBe(`cannot write ${dir}: it is a directory; give a file name`);
    expect(message(join(dir, "ro.json"))).toBe(`cannot write ${join(dir, "ro.json")}: the file is read-only`);
  });

  // Root passes every permission check (access(W_OK) is true), so this case only shows for other users.
  it.skipIf(isRoot)("names a directory it may not write into (skipped as root, who may write anywhere)", async () => {
    const dir = await fresh();
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o555);
    const path = join(dir, "locked", "m.json");
    expect(() => checkOutputPath(path)).toThrow(`cannot write ${path}: the directory ${join(dir, "locked")} is not writable: permission denied (EACCES)`);
    await expect(writeFileSafely(path, "x")).rejects.toThrow(`cannot write ${path}: the directory ${join(dir, "locked")} is not writable`);
  });
});

describe("discardUnfinishedWrites", () => {
  it("removes this process's temporary files for a path, and nothing else", async () => {
    const dir = await fresh();
    const path = join(dir, "m.json");
    writeFileSync(path, "model");
    writeFileSync(join(dir, `m.json.${process.pid}-0badf00d.tmp`), "half a model");
    writeFileSync(join(dir, `m.json.${process.pid + 1}-0badf00d.tmp`), "another process's");
    writeFileSync(join(dir, "other.json.tmp"), "not ours");
    expect(discardUnfinishedWrites(path)).toEqual([join(dir, `m.json.${process.pid}-0badf00d.tmp`)]);
    expect(readdirSync(dir).sort()).toEqual(["m.json", `m.json.${process.pid + 1}-0badf00d.tmp`, "other.json.tmp"]);
  });
});
