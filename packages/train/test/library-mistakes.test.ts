// Mistakes fit used to accept in silence (issue 19 item 12).
import { BinaryCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { UnknownOptionError } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { evaluate, fit, predictClasses } from "../src/index.js";
import { progressBar } from "../src/node/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train, test } = moons(40, 1);

describe("optimizer-of-another-model-refused (it trained nothing)", () => {
  it("an optimizer holding none of the model's parameters", () => {
    const model = smallNet(1);
    const other = smallNet(2);
    const before = weights(model);
    const optimizer = new SGD(other.parameters(), { lr: 0.1 });
    expect(() => fit(model, { loss: new BinaryCrossEntropy(), optimizer, train, epochs: 1 })).toThrow(
      new TypeError(
        'fit: none of the optimizer\'s parameters is the model\'s ("layers.0.weight", "layers.0.bias", "layers.2.weight", …); ' +
          "build the optimizer from this model: new SGD(model.parameters(), …)",
      ),
    );
    expect(weights(model)).toEqual(before);
  });

  it("an optimizer holding some foreign parameters; a frozen subset of the model's own is fine", () => {
    const model = smallNet(1);
    const mixed = [...model.parameters().slice(0, 2), ...smallNet(2).parameters().slice(2)];
    expect(() => fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(mixed, { lr: 0.1 }), train, epochs: 1 })).toThrow(
      "fit: 2 of 4 of the optimizer's parameters are not the model's",
    );
    const frozen = new SGD(model.parameters().slice(2), { lr: 0.1 });
    expect(fit(model, { loss: new BinaryCrossEntropy(), optimizer: frozen, train, epochs: 1 }).stopped).toBe("completed");
  });
});

describe("unknown-option-keys-refused in fit, evaluate and predict", () => {
  it("fit: a misspelled key names the closest one", () => {
    const model = smallNet(1);
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const run = () => fit(model, { loss: new BinaryCrossEntropy(), optimizer, train, epochs: 1, batchsize: 8 } as never);
    expect(run).toThrow('fit: unknown option "batchsize" (did you mean "batchSize"?)');
    expect(run).toThrow(UnknownOptionError);
    const early = () => fit(model, { loss: new BinaryCrossEntropy(), optimizer, train, validation: test, epochs: 1, earlyStopping: { patiense: 2 } as never });
    expect(early).toThrow('fit: earlyStopping: unknown option "patiense" (did you mean "patience"?)');
  });

  it("evaluate and predictClasses", () => {
    const model = smallNet(1);
    expect(() => evaluate(model, test, { loss: new BinaryCrossEntropy(), metric: ["accuracy"] } as never)).toThrow(
      'evaluate: unknown option "metric" (did you mean "metrics"?)',
    );
    expect(() => predictClasses(model, test.x, { binaryOutputs: "logit" } as never)).toThrow(
      'predictClasses: unknown option "binaryOutputs" (did you mean "binaryOutput"?)',
    );
    expect(() => progressBar({ verbosity: 1 } as never)).toThrow('progressBar: unknown option "verbosity" (did you mean "verbose"?)');
  });
});
