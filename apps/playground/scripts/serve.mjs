// `npm run playground`: serves the built Playground on localhost and prints its address.
/* global console, process, URL */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startStaticServer } from "./static-server.mjs";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
if (!existsSync(`${root}index.html`)) {
  console.error("nn playground: apps/playground/dist/index.html is missing; build it first (npm run playground builds it)");
  process.exit(1);
}
const requested = process.env.PORT ?? "5180";
const port = /^\d+$/.test(requested) ? Number(requested) : Number.NaN;
if (!(port >= 0 && port <= 65535)) {
  console.error(`nn playground: PORT must be a port number (0 to 65535), got "${requested}"`);
  process.exit(2);
}
try {
  const { url } = await startStaticServer({ root, port });
  const chosen = Number(new URL(url).port);
  // "localhost" may resolve to ::1 first: serve the IPv6 loopback on the same port too, where there is one.
  await startStaticServer({ root, port: chosen, host: "::1" }).catch(() => undefined);
  console.log(`nn Playground: http://localhost:${chosen}/  (also ${url}; Ctrl-C stops it)`);
} catch (error) {
  const busy = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
  console.error(busy ? `nn playground: port ${port} is in use; try PORT=0 npm run playground (any free port)` : `nn playground: ${String(error)}`);
  process.exit(1);
}
