import { StandardScaler, makeMoons, trainTestSplit } from "@nn/datasets";
import { BinaryCrossEntropy, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { Adam, StepLR } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { evaluate, fit } from "@nn/train";

// Two moons, split 75/25 with both classes in proportion, standardised with the training statistics.
const split = trainTestSplit(makeMoons({ n: 400, noise: 0.2, seed: 1 }), { testSize: 0.25, stratify: true, seed: 1 });
const scaler = new StandardScaler().fit(split.train.x);
const train = { ...split.train, x: scaler.transform(split.train.x) };
const test = { ...split.test, x: scaler.transform(split.test.x) };

const rng = createRng(1);
const model = new Sequential([new Dense(2, 32, { rng }), new ReLU(), new Dense(32, 1, { rng }), new Sigmoid()]);
const loss = new BinaryCrossEntropy();
const optimizer = new Adam(model.parameters(), { lr: 0.01 });

const history = fit(model, {
  loss, optimizer, train, validation: test, epochs: 100, batchSize: 32, seed: 1,
  metrics: ["accuracy", "f1"],
  scheduler: new StepLR(optimizer, { stepSize: 50, gamma: 0.5 }),
  earlyStopping: { monitor: "valLoss", patience: 20, restoreBestWeights: true },
  callbacks: {
    onEpochEnd: (e) => {
      if (e.epoch % 25 === 0) console.log(`epoch ${e.epoch}: loss ${e.train.loss.toFixed(3)}, lr ${e.lr}, val accuracy ${e.validation?.accuracy}`);
    },
  },
});

const result = evaluate(model, test, { loss, metrics: ["accuracy", "confusionMatrix"] });
console.log(`${history.stopped} after ${history.epochs.length} epochs (best ${history.bestEpoch})`);
console.log(`test accuracy ${(result.accuracy * 100).toFixed(1)}%, confusion matrix ${JSON.stringify(result.confusionMatrix)}`);
