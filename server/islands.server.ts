// The islands' bundles (app/islands/*.ts, see app/island-script.tsx): `npm run build` has esbuild write them to
// public/build/islands/<name>-<hash>.js and describe them in its metafile, build/islands.json. The file names carry a
// content hash, so they are served like the rest of /build (cached for a year, and by the service worker for good).
import fs from "node:fs";
import path from "node:path";

/** Island name -> URL, from esbuild's metafile; empty when the islands were not built (pages then post plainly). */
export function readIslands(root: string): Record<string, string> {
  const file = path.join(root, "build/islands.json");
  if (!fs.existsSync(file)) return {};
  const meta = JSON.parse(fs.readFileSync(file, "utf8")) as { outputs: Record<string, { entryPoint?: string }> };
  const islands: Record<string, string> = {};
  for (const [output, { entryPoint }] of Object.entries(meta.outputs)) {
    if (entryPoint && output.endsWith(".js")) islands[path.basename(entryPoint, path.extname(entryPoint))] = `/build/islands/${path.basename(output)}`;
  }
  return islands;
}
