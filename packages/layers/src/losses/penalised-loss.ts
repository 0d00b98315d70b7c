import type { Tensor } from "@nn/tensor";
import type { Loss } from "./loss.js";
import type { Penalty } from "./penalty.js";

/**
 * A data loss plus penalty terms (L1Penalty, L2Penalty), usable wherever a loss is: `forward` is
 * the full objective the optimizer minimises (data loss, then each penalty's value, added in
 * order), and `backward` adds each penalty's gradient into the parameters before returning the
 * data loss's dL/dpred. What the data loss predicts (`prediction`) is passed through, so a
 * training loop infers the task from the wrapped loss.
 */
export class PenalisedLoss implements Loss {
  readonly prediction: Loss["prediction"];

  constructor(readonly data: Loss, readonly penalties: readonly Penalty[]) {
    this.prediction = data.prediction;
  }

  forward(pred: Tensor, target: Tensor): number {
    let total = this.data.forward(pred, target);
    for (const p of this.penalties) total += p.value();
    return total;
  }

  backward(out?: Tensor): Tensor {
    for (const p of this.penalties) p.backward();
    return this.data.backward(out);
  }
}
