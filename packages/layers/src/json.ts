/** Plain JSON data: what a model file holds and `metadata` may contain. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A layer's architecture without its weights: `{ type: 'Dense', config: { inFeatures: 2, ... } }`. */
export interface LayerSpec {
  type: string;
  config: JsonObject;
}
