// Where a portal start spends its time, read from what `npm start` prints: the embedded database
// owned (the data folder locked and PGlite open), the schema checked and the seed skipped, the HTTP
// server spawned, and serving. For the scenarios that time a restart, so a slow one says why.
import { seconds } from "./common";

const milestones: [string, RegExp][] = [
  ["database owned", /^Embedded database \(PGlite\) in /],
  ["schema checked", /Database schema is up to date|Applied migrations/],
  ["server spawned", /^Demarc on http/],
  ["serving", /Serving on http/],
];

export function startupPhases(startedAt: number) {
  const reached: Record<string, number> = {};
  return {
    reached,
    onOutput(line: string) {
      for (const [name, pattern] of milestones)
        if (reached[name] === undefined && pattern.test(line)) reached[name] = performance.now() - startedAt;
    },
    describe: () =>
      milestones
        .filter(([name]) => reached[name] !== undefined)
        .map(([name]) => `${name} at ${seconds(reached[name]!)}`)
        .join(", "),
  };
}
