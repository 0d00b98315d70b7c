export { progressBar, type ProgressBarOptions, type ProgressStream, type Verbosity } from "./progress-bar.js";
