import { defineConfig } from "vite";

// A static site: relative paths, so dist/ works from any static file server and any folder.
export default defineConfig({
  base: "./",
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1024 },
  worker: { format: "es" },
});
