/** Serves `root` on http://host:port/ (port 0: any free port); see static-server.mjs. */
export function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<{ url: string; close: () => Promise<void> }>;
