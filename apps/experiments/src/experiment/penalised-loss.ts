/**
 * A data loss plus @nn/layers' L2Penalty, shaped as the loss @nn/train expects. The penalty's
 * gradient λ·w is added in `backward()`, which the trainer calls after zeroing the gradients and
 * before the model's backward adds the data gradient (docs/math_derivations.md §4.7).
 */
import { L2Penalty, type Loss, type Parameter } from "@nn/layers";
import type { Tensor } from "@nn/tensor";
import type { TrainLoss } from "@nn/train";

export class PenalisedLoss implements TrainLoss {
  private readonly penalty: L2Penalty;

  constructor(private readonly data: Loss, params: readonly Parameter[], lambda: number) {
    this.penalty = new L2Penalty(params, { lambda });
  }

  forward(pred: Tensor, target: Tensor): number {
    return this.data.forward(pred, target) + this.penalty.value();
  }

  backward(): Tensor {
    this.penalty.backward();
    return this.data.backward();
  }
}
