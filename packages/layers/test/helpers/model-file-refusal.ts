import { expect } from "vitest";
import { ModelFileError, Sequential } from "../../src/index.js";

/** The message with which `Sequential.fromJSON` refuses `json`; fails the test if it loads or throws anything but a ModelFileError. */
export function refusal(json: unknown): string {
  try {
    Sequential.fromJSON(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFileError);
    return (e as Error).message;
  }
  throw new Error("expected the file to be refused");
}
