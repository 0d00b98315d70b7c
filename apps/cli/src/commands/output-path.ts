import { checkOutputPath, OutputPathError } from "@nn/layers/node";
import { UsageError } from "../args/usage-error.js";

/**
 * Checks a file flag's path before the command does its work (training, predicting, exporting),
 * so that a missing directory or a directory given as the file is reported at once, not after a
 * long run: `nn train: --save: cannot write missing/m.json: the directory missing does not exist`.
 */
export function checkOutputFlag(command: string, flag: string, path: string): void {
  try {
    checkOutputPath(path);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`nn ${command}: --${flag}: ${error.message}`);
    throw error;
  }
}
