import { describe, expect, it } from "vitest";
import { BinaryCrossEntropyLoss } from "@nn/layers";
import { SGD } from "@nn/optim";
import { Tensor, setBackend, zeros } from "@nn/tensor";
import { countConstructions } from "../../packages/layers/test/helpers/count-allocations.js";
import { buildNnModel, nnTrainer } from "../src/impl/nn-mlp.js";
import { w1Spec, w2Spec } from "../src/mlp-spec.js";

describe("an nn training step after the first batch of a size", () => {
  it("constructs no typed arrays: W1 mini-batch 32 (Dense/ReLU/Sigmoid, BCE, SGD), 200 steps", () => {
    const trainer = nnTrainer(w1Spec(32));
    trainer.run(); // the first batch of this size allocates activations, gradients and scratch
    const constructed = countConstructions(() => {
      for (let s = 0; s < 200; s++) trainer.run();
    });
    expect(constructed).toBe(0);
  });

  it("constructs no typed arrays: W1 full batch, 50 steps", () => {
    const trainer = nnTrainer(w1Spec(1000));
    trainer.run();
    expect(countConstructions(() => {
      for (let s = 0; s < 50; s++) trainer.run();
    })).toBe(0);
  });

  it("constructs no typed arrays: W2 (softmax cross-entropy, 784→256→128→10), 5 steps", () => {
    const trainer = nnTrainer(w2Spec());
    trainer.run();
    expect(countConstructions(() => {
      for (let s = 0; s < 5; s++) trainer.run();
    })).toBe(0);
  });

  it("alternating two batch sizes (fit's training batch, then its held-out rows) constructs no typed arrays once both are warm", () => {
    for (const backend of ["wasm", "js"] as const) {
      setBackend(backend);
      try {
        const spec = w1Spec(32);
        const model = buildNnModel(spec), loss = new BinaryCrossEntropyLoss(), optimizer = new SGD(model.parameters(), { lr: spec.lr });
        const b = spec.batches[0];
        const x = new Tensor(b.x, [b.rows, 2]), y = new Tensor(b.y, [b.rows, 1]);
        const held = new Tensor(b.x.subarray(0, 20), [10, 2]);
        const pred = zeros([b.rows, 1], "float32"), dPred = zeros([b.rows, 1], "float32"), heldPred = zeros([10, 1], "float32");
        const epoch = (): void => {
          optimizer.zeroGrad();
          loss.forward(model.forward(x, "train", pred), y);
          model.backwardToParameters(loss.backward(dPred));
          optimizer.step();
          model.forward(held, "eval", heldPred);
        };
        epoch();
        epoch();
        expect(countConstructions(() => {
          for (let s = 0; s < 50; s++) epoch();
        }), backend).toBe(0);
      } finally {
        setBackend("wasm");
      }
    }
  });

  it("without `out`, a step allocates exactly the three results it hands out (prediction, dL/dpred, dL/dx)", () => {
    const spec = w1Spec(32);
    const model = buildNnModel(spec), loss = new BinaryCrossEntropyLoss(), optimizer = new SGD(model.parameters(), { lr: spec.lr });
    const b = spec.batches[0];
    const x = new Tensor(b.x, [b.rows, 2]), y = new Tensor(b.y, [b.rows, 1]);
    const step = () => {
      optimizer.zeroGrad();
      loss.forward(model.forward(x, "train"), y);
      model.backward(loss.backward());
      optimizer.step();
    };
    step();
    expect(countConstructions(() => {
      for (let s = 0; s < 100; s++) step();
    })).toBe(300);
  });

  it("the counter does see allocations (so a zero above means something)", () => {
    const trainer = nnTrainer(w1Spec(32));
    // the very first step allocates its buffers
    expect(countConstructions(() => trainer.run())).toBeGreaterThan(0);
    expect(countConstructions(() => new Float32Array(3))).toBe(1);
    expect(countConstructions(() => new Float32Array(3).slice())).toBe(2);
  });
});
