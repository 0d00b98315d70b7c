// One implementation of one row of the bench's main table, in a process of its own: the parent
// (`host-process.ts`) starts it as `node impl-host.js <training|matmul> <name> <impl> [--quick]`
// and sends it the requests of `protocol.ts`, one JSON line each.
import { createInterface } from "node:readline";
import { calibrate, localSampler, warmUp } from "../timing.js";
import type { HostAnswer, HostRequest } from "./protocol.js";
import { type HostedImpl, hostedImpl } from "./impl-catalog.js";
import type { TimedProduct } from "../impl/matmul-impls.js";
import { writeFloat32File } from "../raw-float32.js";
import type { ResettableTrainer } from "../trainer.js";

// stdout carries the answers: anything a library prints goes to stderr instead.
console.log = console.info = console.warn = console.error;

type Timed = ResettableTrainer | TimedProduct;

async function serve(hosted: HostedImpl): Promise<void> {
  let timed: Timed | undefined;
  const current = async (): Promise<Timed> => (timed ??= await hosted.make());
  const answer = async (request: HostRequest): Promise<HostAnswer> => {
    switch (request.op) {
      case "warm": {
        const t = await current();
        const units = await warmUp(t, request.seconds, request.clock);
        // Training moved the weights: back to the spec's, so every row is timed from one start.
        if (hosted.kind === "training") (t as ResettableTrainer).reset();
        return { units };
      }
      case "calibrate": return { units: await calibrate(await current(), request.seconds, request.clock) };
      case "run": await localSampler(await current()).run(request.units); return {};
      case "sample": return { seconds: await localSampler(await current(), request.clock, false).sample(request.units) };
      case "loss": {
        const t = await current();
        await t.prepare?.();
        if (!("loss" in t)) throw new Error("loss: this host times a product");
        return { loss: t.loss() };
      }
      case "result": {
        const t = await current();
        await t.prepare?.();
        if (!("result" in t)) throw new Error("result: this host trains a network");
        writeFloat32File(request.path, t.result());
        return {};
      }
    }
  };
  for await (const line of createInterface({ input: process.stdin })) {
    let reply: HostAnswer;
    try {
      reply = await answer(JSON.parse(line) as HostRequest);
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(JSON.stringify(reply) + "\n");
  }
}

const [kind, name, impl, ...rest] = process.argv.slice(2);
if ((kind !== "training" && kind !== "matmul") || name === undefined || impl === undefined) {
  console.error("usage: node impl-host.js <training|matmul> <name> <impl> [--quick]");
  process.exit(2);
}
serve(hostedImpl({ kind, name, impl, quick: rest.includes("--quick") })).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
