// What every trial uses to fail loudly: a plain assertion with a message.
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    console.error(`trial failed: ${message}`);
    process.exit(1);
  }
}
