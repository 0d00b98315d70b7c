import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { expect, it } from "vitest";
import { createTrainer } from "../src/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train } = moons(40, 13);

it("keepHistory: false keeps no epoch records and trains exactly as with them (flat memory for endless runs)", () => {
  const run = (keepHistory: boolean) => {
    const model = smallNet(6);
    const events: number[] = [];
    const trainer = createTrainer(model, {
      loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 5, batchSize: 10, seed: 2,
      keepHistory, callbacks: { onEpochEnd: (e) => events.push(e.train.loss) },
    });
    const history = trainer.run();
    return { history, events, weights: weights(model) };
  };
  const kept = run(true);
  const dropped = run(false);
  expect(kept.history.epochs).toHaveLength(5);
  expect(dropped.history.epochs).toHaveLength(0);
  expect(dropped.history.stopped).toBe("completed");
  expect(dropped.events).toEqual(kept.events);
  expect(dropped.weights).toEqual(kept.weights);
});
