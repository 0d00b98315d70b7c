/** Reads a list of strings back from a model's metadata (class names, feature names), refusing anything else. */
export const StringArray = {
  fromJSON(json: unknown): string[] {
    if (!Array.isArray(json)) throw new TypeError(`StringArray.fromJSON: expected an array of strings, got ${json === null ? "null" : typeof json}`);
    json.forEach((v, i) => {
      if (typeof v !== "string") throw new TypeError(`StringArray.fromJSON: expected an array of strings, got ${typeof v} at index ${i}`);
    });
    return (json as string[]).slice();
  },
};
