// The first module `npm start` loads: it refuses a Node.js older than package.json's `engines.node`
// with a clear message, before anything else can fail obscurely on a missing language feature.
import { readFileSync } from "node:fs";
import path from "node:path";

/** Whether `version` ("v20.20.2") satisfies a minimum range of the form ">=20.19" or ">=20.19.0". */
export function satisfiesMinimum(version: string, range: string): boolean {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!minimum) throw new Error(`engines.node must be a minimum such as ">=20.19", not ${JSON.stringify(range)}`);
  const have = version.replace(/^v/, "").split(".").map(Number);
  const want = minimum.slice(1).map((part) => Number(part ?? 0));
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > (want[i] ?? 0);
  return true;
}

const packageJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
  engines: { node: string };
};
if (!satisfiesMinimum(process.version, packageJson.engines.node)) {
  console.error(
    `Demarc needs Node.js ${packageJson.engines.node}; this is Node.js ${process.version}. Install a newer Node.js and run the command again.`,
  );
  process.exit(1);
}
