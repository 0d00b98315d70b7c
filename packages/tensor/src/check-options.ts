import { closestName } from "./edit-distance.js";

/** Raised for an options object with a key the function does not know (usually a typo). */
export class UnknownOptionError extends TypeError {
  override name = "UnknownOptionError";
  constructor(
    message: string,
    /** The key that was given. */
    readonly option: string,
    /** The known key it is closest to, if any. */
    readonly suggestion: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Validates the shape of an options object for the function or constructor `where`: undefined
 * is an empty object; anything but a plain object is refused; every own key must be one of
 * `knownKeys`, otherwise `SGD: unknown option "momentun" (did you mean "momentum"?)`.
 * Values are the caller's to check (they have their own ranges). Returns `options` typed as given.
 * Keys whose value is undefined are checked too: a typo is a typo whatever its value.
 */
export function checkOptions<T extends object>(where: string, options: T | undefined, knownKeys: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    const shown = Array.isArray(options) ? "an array" : options === null ? "null" : `${typeof options} ${String(options)}`;
    throw new TypeError(`${where}: options must be an object ({ ${knownKeys.join(", ")} }), got ${shown}`);
  }
  // for…in over own keys allocates no key array: matmul calls this once per product.
  for (const key in options) {
    if (!Object.hasOwn(options, key) || knownKeys.includes(key)) continue;
    const suggestion = closestName(key, knownKeys);
    const known = suggestion === undefined ? ` (known options: ${knownKeys.join(", ")})` : ` (did you mean "${suggestion}"?)`;
    throw new UnknownOptionError(`${where}: unknown option "${key}"${known}`, key, suggestion);
  }
  return options;
}

/**
 * Lists the keys of an options type for `checkOptions`, checked by the compiler both ways: a key
 * the type lacks and a key of the type left out are compile errors, so the list cannot drift.
 * `const SGD_KEYS = optionKeys<SGDOptions>()("lr", "momentum", …)`.
 */
export function optionKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...keys: K & ([Exclude<keyof T & string, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof T & string, K[number]> })
  ): readonly string[] => keys;
}
