// The entry of the two `elementary-cost` bundles (tsup.config.ts): the same trainers, built once
// with @nn/tensor's own elementary functions and once with Math's in their place.
export { nnTrainer } from "../impl/nn-mlp.js";
export { activationMixTrainer } from "./activation-mix.js";
