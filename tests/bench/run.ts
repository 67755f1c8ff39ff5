// `npm run bench [-- <scenario> ...]`: each scenario prints its figure next to a baseline measured in the same run.
// Scenarios live in tests/bench/scenarios/<name>.ts and export `run(): Promise<void>`.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), "scenarios");
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = wanted.length ? wanted : available;

for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`Unknown scenario "${name}". Available: ${available.join(", ")}`);
    process.exit(2);
  }
}

for (const name of chosen) {
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { run: () => Promise<void> };
  await mod.run();
}
process.exit(); // keeps a failed verification's exit code
