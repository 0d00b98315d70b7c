export { nodeWorkers } from "./node-workers.js";
