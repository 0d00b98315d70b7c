export { saveModel, loadModel } from "./model-io.js";
export { writeFileSafely, discardUnfinishedWrites } from "./write-file-safely.js";
export { checkOutputPath, resolveWriteTarget, type WriteTarget } from "./write-target.js";
export { OutputPathError } from "./output-path-error.js";
export { saveSafetensors, loadSafetensorsFile, modelFromSafetensorsFile } from "./safetensors-io.js";
