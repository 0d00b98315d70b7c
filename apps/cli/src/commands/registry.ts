import type { Command } from "./command.js";
import { datasetsCommand } from "./datasets.js";
import { exportCommand } from "./export.js";
import { gradcheckCommand } from "./gradcheck.js";
import { importCommand } from "./import.js";
import { predictCommand } from "./predict.js";
import { summaryCommand } from "./summary.js";
import { trainCommand } from "./train.js";

/** Every `nn` subcommand, in the order `nn --help` lists them. To add one: write its file, list it here. */
export const COMMANDS: readonly Command[] = [trainCommand, predictCommand, gradcheckCommand, datasetsCommand, summaryCommand, exportCommand, importCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
