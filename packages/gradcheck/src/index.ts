export { checkLayer } from "./check-layer.js";
export { checkLoss } from "./check-loss.js";
export { checkModel } from "./check-model.js";
export { checkFunction } from "./check-function.js";
export { formatReport } from "./format-report.js";
export { GradcheckError } from "./errors.js";
export { DEFAULT_ATOL, DEFAULT_MAX_COORDINATES, DEFAULT_RTOL, DEFAULT_STEP } from "./options.js";
export { relativeError, tolerance } from "./verdict.js";
export type {
  GradcheckEntry, GradcheckOptions, GradcheckReport, Kink, Layer, Loss, Mode, NamedBuffer, Parameter,
} from "./types.js";
