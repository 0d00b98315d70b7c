/**
 * The optimizers the studies compare, by name: each with its customary default learning rate and
 * a factory taking any rate, so the same grid can be searched for every method.
 */
import type { Parameter } from "@nn/layers";
import { Adam, AdamW, RMSprop, SGD } from "@nn/optim";
import type { TrainOptimizer } from "@nn/train";

export type OptimizerName = "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam" | "adamw";

export interface OptimizerSpec {
  name: OptimizerName;
  /** "momentum 0.9": the method and its fixed settings, without the rate. */
  label: string;
  /** The usual default rate (PyTorch examples, Kingma & Ba for Adam). */
  defaultLr: number;
  make(params: Parameter[], lr: number): TrainOptimizer;
}

export const OPTIMIZERS: readonly OptimizerSpec[] = [
  { name: "sgd", label: "SGD", defaultLr: 0.1, make: (p, lr) => new SGD(p, { lr }) },
  { name: "momentum", label: "momentum 0.9", defaultLr: 0.01, make: (p, lr) => new SGD(p, { lr, momentum: 0.9 }) },
  { name: "nesterov", label: "Nesterov 0.9", defaultLr: 0.01, make: (p, lr) => new SGD(p, { lr, momentum: 0.9, nesterov: true }) },
  { name: "rmsprop", label: "RMSprop", defaultLr: 0.001, make: (p, lr) => new RMSprop(p, { lr }) },
  { name: "adam", label: "Adam", defaultLr: 0.001, make: (p, lr) => new Adam(p, { lr }) },
  { name: "adamw", label: "AdamW (wd 0.01)", defaultLr: 0.001, make: (p, lr) => new AdamW(p, { lr, weightDecay: 0.01 }) },
];
