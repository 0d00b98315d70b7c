import { confusionCounts as runConfusion, type ConfusionCounts, type TrainingDriver } from "@nn/studio";

/**
 * The confusion matrix of the current model on the held-out split (the training split when none
 * is held out): counts[actual * k + predicted]. For data sets without a 2-D map.
 */
export function confusionCounts(driver: TrainingDriver): ConfusionCounts {
  return runConfusion(driver.run);
}
