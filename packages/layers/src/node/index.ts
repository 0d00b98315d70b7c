export { saveModel, loadModel } from "./model-io.js";
