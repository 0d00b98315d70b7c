#!/usr/bin/env node
// React picks its production build from NODE_ENV when first loaded; the development build's
// checks and profiling marks cost more than the whole screen. So set it before anything imports
// React (hence the dynamic import below: static imports would run first).
process.env.NODE_ENV ??= "production";
// Likewise chalk (under Ink) fixes its colour level when first loaded: NO_COLOR must act before.
const { applyNoColor } = await import("./ui/color-env.js");
applyNoColor(process.env);
const { runFromProcess } = await import("./process-entry.js");
await runFromProcess();
