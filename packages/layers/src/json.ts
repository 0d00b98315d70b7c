/** Plain JSON data: what a model file holds and `metadata` may contain. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Data that becomes JSON: what `toJSON(metadata)` and `saveModel(..., metadata)` accept. Unlike
 * `JsonObject` it takes types declared as interfaces (a scaler's `StandardScalerJSON`, which has
 * no index signature) and objects with a `toJSON()` (a fitted `StandardScaler` itself), checked
 * field by field; functions, `undefined` values and symbols are refused at compile time.
 */
export type JsonCompatible<T> = T extends string | number | boolean | null
  ? T
  : T extends { toJSON(): unknown }
    ? T
    : T extends (...args: never[]) => unknown
      ? never
      : T extends readonly (infer U)[]
        ? readonly JsonCompatible<U>[]
        : T extends object
          ? { [K in keyof T]: K extends string ? JsonCompatible<T[K]> : never }
          : never;

/** Rebuilds a value stored in a model's metadata, checking it: `StandardScaler`, `MinMaxScaler`, `StringArray`. */
export interface MetadataReader<T> {
  fromJSON(json: never): T;
}

/** A layer's architecture without its weights: `{ type: 'Dense', config: { inFeatures: 2, ... } }`. */
export interface LayerSpec {
  type: string;
  config: JsonObject;
}
