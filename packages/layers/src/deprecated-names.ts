// Names kept working after a rename (CONTRIBUTING.md, "Names and signatures"): each is the very
// same class under its old name, so `new`, `instanceof` and types behave as before.
import { BCEWithLogitsLoss } from "./losses/bce-with-logits.js";
import { BinaryCrossEntropyLoss } from "./losses/binary-cross-entropy.js";
import { SoftmaxCrossEntropyLoss, type SoftmaxCrossEntropyLossOptions } from "./losses/softmax-cross-entropy.js";

/** @deprecated Renamed `BinaryCrossEntropyLoss` (every loss ends in `Loss`); this alias keeps working. */
export const BinaryCrossEntropy = BinaryCrossEntropyLoss;
/** @deprecated Renamed `BinaryCrossEntropyLoss`. */
export type BinaryCrossEntropy = BinaryCrossEntropyLoss;

/** @deprecated Renamed `BCEWithLogitsLoss` (every loss ends in `Loss`); this alias keeps working. */
export const BCEWithLogits = BCEWithLogitsLoss;
/** @deprecated Renamed `BCEWithLogitsLoss`. */
export type BCEWithLogits = BCEWithLogitsLoss;

/** @deprecated Renamed `SoftmaxCrossEntropyLoss` (every loss ends in `Loss`); this alias keeps working. */
export const SoftmaxCrossEntropy = SoftmaxCrossEntropyLoss;
/** @deprecated Renamed `SoftmaxCrossEntropyLoss`. */
export type SoftmaxCrossEntropy = SoftmaxCrossEntropyLoss;
/** @deprecated Renamed `SoftmaxCrossEntropyLossOptions`. */
export type SoftmaxCrossEntropyOptions = SoftmaxCrossEntropyLossOptions;
