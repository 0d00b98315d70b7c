/** Every study, in report order. Adding a study: write studies/<id>.ts and list it here. */
import type { Study } from "../study.js";
import { activationsStudy } from "./activations.js";
import { autogradStudy } from "./autograd.js";
import { depthResidualStudy } from "./depth-residual.js";
import { initialisationStudy } from "./initialisation.js";
import { learningRateStudy } from "./learning-rate.js";
import { optimizersStudy } from "./optimizers.js";
import { peersStudy } from "./peers.js";
import { regularisationStudy } from "./regularisation.js";
import { seedProjectStudy } from "./seed-project.js";
import { spiralsInitStudy } from "./spirals-init.js";

export const STUDIES: readonly Study<unknown, unknown>[] = [
  learningRateStudy,
  activationsStudy,
  initialisationStudy,
  optimizersStudy,
  regularisationStudy,
  depthResidualStudy,
  peersStudy,
  autogradStudy,
  seedProjectStudy,
  spiralsInitStudy,
];
