// The bundle's entry: the scenario, and the page's way to hand its hashes to the Node side.
export { runScenario } from "./scenario.js";
