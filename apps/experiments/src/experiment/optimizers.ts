/** The optimizers the studies compare, by name, with the learning rates the report states. */
import type { Parameter } from "@nn/layers";
import { Adam, AdamW, RMSprop, SGD } from "@nn/optim";
import type { TrainOptimizer } from "@nn/train";

export type OptimizerName = "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam" | "adamw";

export interface OptimizerSpec {
  name: OptimizerName;
  label: string;
  lr: number;
  make(params: Parameter[]): TrainOptimizer;
}

export const OPTIMIZERS: readonly OptimizerSpec[] = [
  { name: "sgd", label: "SGD (lr 0.1)", lr: 0.1, make: (p) => new SGD(p, { lr: 0.1 }) },
  { name: "momentum", label: "momentum 0.9 (lr 0.01)", lr: 0.01, make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9 }) },
  { name: "nesterov", label: "Nesterov 0.9 (lr 0.01)", lr: 0.01, make: (p) => new SGD(p, { lr: 0.01, momentum: 0.9, nesterov: true }) },
  { name: "rmsprop", label: "RMSprop (lr 0.001)", lr: 0.001, make: (p) => new RMSprop(p, { lr: 0.001 }) },
  { name: "adam", label: "Adam (lr 0.001)", lr: 0.001, make: (p) => new Adam(p, { lr: 0.001 }) },
  { name: "adamw", label: "AdamW (lr 0.001, wd 0.01)", lr: 0.001, make: (p) => new AdamW(p, { lr: 0.001, weightDecay: 0.01 }) },
];
