import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dense, ModelFileError, Sequential, StringArray } from "../src/index.js";

/** Declared as an interface, as @nn/datasets declares StandardScalerJSON: no index signature. */
interface ScalerJSON {
  type: "StandardScaler";
  mean: number[];
  scale: number[];
}

/** The shape of @nn/datasets' StandardScaler, structurally (layers does not depend on datasets). */
class Scaler {
  constructor(readonly mean: number[], readonly scale: number[]) {}
  toJSON(): ScalerJSON {
    return { type: "StandardScaler", mean: this.mean, scale: this.scale };
  }
  static fromJSON(json: ScalerJSON): Scaler {
    if ((json as { type?: unknown }).type !== "StandardScaler") throw new TypeError('expected an object with type "StandardScaler"');
    return new Scaler(json.mean, json.scale);
  }
}

const model = () => new Sequential([new Dense(2, 3, { rng: createRng(1) })]);

describe("metadata: a scaler and class names saved with the model, read back typed", () => {
  it("takes a scaler, its JSON (an interface type) and class names without casts, and reads them back", () => {
    const scaler = new Scaler([0.5, -1], [2, 4]);
    const json: ScalerJSON = scaler.toJSON();
    const text = JSON.stringify(model().toJSON({ scaler, scalerJson: json, classNames: ["setosa", "versicolor"] }));
    const loaded = Sequential.fromJSON(text);
    const back: Scaler = loaded.metadataEntry("scaler", Scaler);
    expect(back.mean).toEqual([0.5, -1]);
    expect(back.scale).toEqual([2, 4]);
    expect(loaded.metadataEntry("scalerJson", Scaler).scale).toEqual([2, 4]);
    const names: string[] = loaded.metadataEntry("classNames", StringArray);
    expect(names).toEqual(["setosa", "versicolor"]);
  });

  it("names a missing or unreadable entry", () => {
    const loaded = Sequential.fromJSON(JSON.stringify(model().toJSON({ classNames: ["a", 2] })));
    expect(() => loaded.metadataEntry("scaler", Scaler)).toThrow("model file: metadata.scaler is missing (the model's metadata has classNames)");
    expect(() => loaded.metadataEntry("classNames", StringArray)).toThrow(
      "model file: metadata.classNames cannot be read: StringArray.fromJSON: expected an array of strings, got number at index 1",
    );
    expect(() => loaded.metadataEntry("classNames", Scaler)).toThrow(ModelFileError);
    expect(() => model().metadataEntry("x", StringArray)).toThrow("model file: metadata.x is missing (the model's metadata has no entries)");
  });

  it("refuses what JSON cannot hold, at compile time", () => {
    // @ts-expect-error a function is not JSON data
    model().toJSON({ callback: () => 1 });
    // @ts-expect-error a Map is not JSON data (JSON.stringify would write {})
    model().toJSON({ lookup: new Map<string, number>() as unknown as { size: () => number } });
    expect(true).toBe(true);
  });
});
