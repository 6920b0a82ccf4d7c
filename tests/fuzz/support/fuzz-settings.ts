// How hard the fuzz suite pushes: the number of generated cases per property and the seed. CI runs
// the defaults; `npm run fuzz -- --runs N [--seed S]` (tests/fuzz/run-fuzz.ts) sets FUZZ_RUNS and
// FUZZ_SEED for a longer run before a release. A failing property prints its seed and path, and
// the seed below reproduces the whole run.
import type * as fc from "fast-check";

/** Cases per property (weight 1) when nothing is asked for: a few thousand in all, well within CI's budget. */
export const CI_RUNS = 400;

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

export const fuzzRuns = positiveInteger("FUZZ_RUNS") ?? CI_RUNS;
// Random unless given, so every CI run explores new cases; logged once so a failure can be replayed.
export const fuzzSeed = positiveInteger("FUZZ_SEED") ?? Math.floor(Math.random() * 2 ** 31) + 1;

/** A property's runs: `weight` scales the base (expensive properties such as workbooks run fewer). */
export function runsFor(weight: number): number {
  return Math.max(10, Math.round(fuzzRuns * weight));
}

/** The fast-check parameters of a property of this weight; `examples` are regression cases that always run. */
export function fuzzParameters<T>(weight: number, examples: T[] = []): fc.Parameters<T> {
  return { numRuns: runsFor(weight), seed: fuzzSeed, examples };
}

/**
 * The test's timeout: generous per case (a case is a request against PostgreSQL, a few milliseconds
 * usually, but a generated file can be megabytes), with room for shrinking a failure.
 */
export function timeoutFor(weight: number, perCaseMs = 60): number {
  return 60_000 + runsFor(weight) * perCaseMs;
}
