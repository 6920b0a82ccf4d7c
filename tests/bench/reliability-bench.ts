// npm run bench:reliability — how the portal behaves when things go wrong, measured. Six scenarios
// (one module each under ./reliability/): readers during publishes, racing saves of one cell,
// kill -9 of the embedded portal in a save loop, terminated database connections under load, the
// database server away for 10 s, and a second portal on one data folder. Prints one table (each
// figure with its goal and whether it was met, then notes) and writes the figures as JSON under
// tests/bench/results/. `--seconds N` sets the reader phases (default 60), `--only a,b` runs some.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildIsStale } from "@/lib/cli/build";
import { startPortal } from "./portal-process";
import { createBenchDatabases, type BenchDatabases } from "./reliability/bench-databases";
import type { Row, ScenarioContext, ScenarioResult } from "./reliability/common";
import { runDataFolderOwner } from "./reliability/data-folder-owner";
import { runDatabaseOutage } from "./reliability/database-outage";
import { runKillDuringSaves } from "./reliability/kill-during-saves";
import { runRacingSaves } from "./reliability/racing-saves";
import { runReaders } from "./reliability/readers";
import { runTerminateConnections } from "./reliability/terminate-connections";

const scenarios: Record<string, (context: ScenarioContext) => Promise<ScenarioResult>> = {
  readers: runReaders,
  "racing-saves": runRacingSaves,
  "kill-during-saves": runKillDuringSaves,
  "terminate-connections": runTerminateConnections,
  "database-outage": runDatabaseOutage,
  "data-folder-owner": runDataFolderOwner,
};

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    only: { type: "string" },
  },
});
const seconds = Number(args.seconds);
if (!(seconds > 0)) throw new Error("--seconds takes a positive number");
const chosen = args.only ? args.only.split(",").map((name) => name.trim()) : Object.keys(scenarios);
const unknown = chosen.filter((name) => !scenarios[name]);
if (unknown.length)
  throw new Error(`Unknown scenario ${unknown.join(", ")}: choose from ${Object.keys(scenarios).join(", ")}`);

// Built first (by a throwaway start: the build reads the database), so no timed start includes it.
if (buildIsStale()) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "demarc-bench-rel-build-"));
  await (await startPortal({ dataDir, port: 3499 })).stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const loadAtStart = os.loadavg();
const started = performance.now();
let databases: Promise<BenchDatabases> | undefined;
const context: ScenarioContext = { seconds, databases: () => (databases ??= createBenchDatabases()) };
const results: Record<string, ScenarioResult> = {};
try {
  for (const name of chosen) {
    console.log(`\n${name}…`);
    const scenarioStarted = performance.now();
    try {
      results[name] = await scenarios[name]!(context);
    } catch (error) {
      // A scenario that could not run is a failed row, not the end of the run.
      console.error(error);
      results[name] = {
        rows: [
          { scenario: name, measure: "ran", result: `failed: ${(error as Error).message}`, goal: "runs", met: false },
        ],
        notes: [],
        figures: {},
      };
    }
    console.log(`${name} done in ${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s`);
  }
} finally {
  if (databases) await (await databases).dropAll();
}
const loadAtEnd = os.loadavg();

const rows: Row[] = Object.values(results).flatMap((r) => r.rows);
const cell = (text: string) => text.replace(/\|/g, "\\|");
console.log(`\n| scenario | measure | result | goal | met |\n|---|---|---|---|---|`);
for (const row of rows)
  console.log(
    `| ${cell(row.scenario)} | ${cell(row.measure)} | ${cell(row.result)} | ${cell(row.goal)} | ${row.met === null ? "—" : row.met ? "met" : "not met"} |`,
  );
const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(" ");
console.log(
  `\nMachine: ${os.cpus().length} cores, load average (1/5/15 min) ${load(loadAtStart)} at the start, ${load(loadAtEnd)} at the end; run took ${((performance.now() - started) / 60_000).toFixed(1)} min, reader phases ${seconds} s.`,
);
for (const note of Object.values(results).flatMap((r) => r.notes)) console.log(`- ${note}`);

const folder = path.resolve("tests/bench/results");
mkdirSync(folder, { recursive: true });
const file = path.join(folder, `reliability-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ seconds, scenarios: chosen, cores: os.cpus().length, loadAtStart, loadAtEnd, results }, null, 2)}\n`,
);
console.log(`\nFigures written to ${path.relative(process.cwd(), file)}`);
