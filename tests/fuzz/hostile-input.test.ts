// The fuzz suite's one entry (vitest project "fuzz"): property-based tests that throw generated bad
// input at every API route, every server action's parser and every import format. They share one
// database and compare its fingerprint around each refused request, so they must not run beside
// each other: this file imports the areas (*.fuzz.ts) and they run one after another, in one worker.
//
//   npx vitest run --project fuzz            CI-sized (FUZZ_RUNS unset)
//   npm run fuzz -- --runs 20000 [--seed S]  a long run before a release (tests/fuzz/run-fuzz.ts)
import { beforeAll, vi } from "vitest";
import { fuzzRuns, fuzzSeed } from "./support/fuzz-settings";
import "./database-fingerprint.fuzz";
import "./api-routes.fuzz";
import "./api-bodies.fuzz";
import "./actions.fuzz";
import "./imports.fuzz";

// Server actions revalidate Next.js caches, which needs a Next.js request; the properties check data.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

// `next/headers` answers the headers of the request a route handler is handling (support/requests.ts).
vi.mock("next/headers", async () => {
  const { requestContext } = await import("./support/requests");
  return { headers: async () => requestContext.headers ?? new Headers() };
});

// The actor is the test's (tests/support/actor.ts), except when a request carries an Authorization
// header: then the real resolution runs, so generated tokens meet the real API-token check.
vi.mock("@/lib/auth/current-actor", async () => {
  const { currentTestActor } = await import("../support/actor");
  const { requestContext } = await import("./support/requests");
  const real = await vi.importActual<typeof import("@/lib/auth/current-actor")>("@/lib/auth/current-actor");
  return { getActor: () => (requestContext.headers?.has("authorization") ? real.getActor() : currentTestActor()) };
});

beforeAll(() => {
  console.log(`fuzz: ${fuzzRuns} runs per property, seed ${fuzzSeed} (FUZZ_SEED=${fuzzSeed} repeats this run)`);
});
