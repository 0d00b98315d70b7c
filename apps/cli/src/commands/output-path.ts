import { checkOutputPath, OutputPathError } from "@nn/layers/node";
import { UsageError } from "../args/usage-error.js";
import type { CommandIO } from "./command.js";

/**
 * Checks a file flag's path before the command does its work (training, predicting, exporting),
 * so that a missing directory or a directory given as the file is reported at once, not after a
 * long run: `nn train: --save missing/m.json: cannot write ...: the directory missing does not exist`.
 * Then tells the entry point about it, so a forced exit mid-save leaves no temporary file.
 */
export function checkOutputFlag(command: string, flag: string, path: string, io: CommandIO): void {
  try {
    checkOutputPath(path);
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`nn ${command}: --${flag}: ${error.message}`);
    throw error;
  }
  io.registerOutput?.(path);
}
