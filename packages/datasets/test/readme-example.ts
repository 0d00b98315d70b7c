import { StandardScaler, batches, loadIris, makeMoons, parseCsv, trainTestSplit } from "@nn/datasets";

// Two noisy half moons, the same bytes for the same seed on every platform.
const moons = makeMoons({ n: 200, noise: 0.1, seed: 42 });
const { train, test } = trainTestSplit(moons, { testSize: 0.25, stratify: true, seed: 0 });

// Fit the scaler on the training part only, then apply it to both parts.
const scaler = new StandardScaler().fit(train.x);
const trainSet = { ...train, x: scaler.transform(train.x) };
const testSet = { ...test, x: scaler.transform(test.x) };

// One epoch of shuffled mini-batches (the batch tensors are reused: clone one to keep it).
let seen = 0;
for (const batch of batches(trainSet, { batchSize: 32, shuffle: true, seed: 1 })) seen += batch.x.shape[0];

// Shipped real data: no file system, no network.
const iris = loadIris();

// CSV text with a header and string labels (loadCsv from "@nn/datasets/node" reads a file).
const pets = parseCsv("weight,height,species\n4.1,25,cat\n30.5,60,dog\n3.8,23,cat\n", { labelColumn: "species" });

export const summary = {
  trainRows: trainSet.x.shape[0], // 150
  testRows: testSet.x.shape[0], // 50
  seen, // 150: every training row once
  iris: [iris.x.shape, iris.classNames, iris.info.license], // [[150, 4], ["setosa", "versicolor", "virginica"], "CC BY 4.0"]
  pets: [Array.from(pets.y.data), pets.classNames], // [[0, 1, 0], ["cat", "dog"]]
};
