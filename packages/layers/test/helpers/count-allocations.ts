// One allocation counter for every test that promises a loop allocates nothing (bench and layers).

/**
 * Counts every typed array and ArrayBuffer constructed while `fn` runs, by swapping the global
 * constructors for counting proxies (a proxy keeps `instanceof` working, so the library sees no
 * difference), and every `slice` (a copy, made through the species constructor, which the
 * proxies do not see). Views made by `subarray` are not counted: they share memory and allocate
 * no buffer.
 */
export function countConstructions(fn: () => void): number {
  const names = ["Float32Array", "Float64Array", "Int32Array", "Uint8Array", "ArrayBuffer"] as const;
  const g = globalThis as unknown as Record<string, unknown>;
  const originals = names.map((name) => g[name]);
  const typedArrayPrototype = Object.getPrototypeOf(Float32Array.prototype) as { slice: (...args: unknown[]) => unknown };
  const slice = typedArrayPrototype.slice;
  let count = 0;
  names.forEach((name, i) => {
    g[name] = new Proxy(originals[i] as new (...args: unknown[]) => object, {
      construct(target, args, newTarget) {
        count++;
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  });
  typedArrayPrototype.slice = function (this: unknown, ...args: unknown[]) {
    count++;
    return slice.apply(this, args);
  };
  try {
    fn();
  } finally {
    names.forEach((name, i) => (g[name] = originals[i]));
    typedArrayPrototype.slice = slice;
  }
  return count;
}
