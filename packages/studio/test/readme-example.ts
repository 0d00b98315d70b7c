import { DEFAULT_SETTING, TrainingDriver, settingFromQuery, settingToFlags, settingToQuery } from "@nn/studio";

// The Playground's spiral with x₁x₂ and sin inputs, as a link and as `nn train` flags.
const setting = { ...DEFAULT_SETTING, data: "spirals", noise: 0.3, features: ["x1", "x2", "x1x2", "sinx1", "sinx2"] as const, layers: [8, 8], activation: "tanh" as const, epochs: 300 };
const query = settingToQuery(setting);
console.log(query);
console.log(settingToFlags(settingFromQuery(query)).join(" "));

// Train it in slices, as a screen does between frames, and read the bounded curve.
const driver = new TrainingDriver(setting);
while (driver.status === "running") driver.trainFor(20);
const curve = driver.history.snapshot();
const maps = driver.painter!.neurons(8, 8);
console.log(`${driver.status} at epoch ${driver.epoch}, ${curve.epochs.length} points, neurons ${maps.layers.map((l) => l.units).join("→")}`);
