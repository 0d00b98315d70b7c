import { checkOptions, closestName, editDistance } from "@nn/tensor";

export const distance = editDistance("trian", "train"); // 1
export const suggestion = closestName("moon", ["moons", "circles", "spirals"]); // "moons"
export let message = "";
try {
  checkOptions("SGD", { lr: 0.1, momentun: 0.9 }, ["lr", "momentum", "dampening", "nesterov", "weightDecay"]);
} catch (error) {
  message = (error as Error).message; // SGD: unknown option "momentun" (did you mean "momentum"?)
}
