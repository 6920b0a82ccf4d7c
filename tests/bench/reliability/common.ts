// What every reliability scenario shares: the rows it adds to the printed table (a measured figure,
// its goal and whether it was met), the accounts that save and publish (the same service functions
// the editor's server actions call, run from the bench process as those accounts), and small
// helpers for timing.
import type { Actor } from "@/lib/auth/permissions";
import { actorFromUser, actorSelect } from "@/lib/auth/sessions";
import type { Database } from "@/lib/database/client";
import type { BenchDatabases } from "./bench-databases";

export interface Row {
  scenario: string;
  measure: string;
  result: string;
  goal: string;
  /** null: a figure reported without a goal. */
  met: boolean | null;
}

export interface ScenarioResult {
  rows: Row[];
  /** Caveats and causes, printed under the table. */
  notes: string[];
  /** Everything measured, for the JSON file. */
  figures: Record<string, unknown>;
}

export interface ScenarioContext {
  /** Length of the phases that run readers against the portal. */
  seconds: number;
  /** PostgreSQL databases for this run (copies of one prepared database). */
  databases: () => Promise<BenchDatabases>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const ms = (value: number) => `${Math.round(value)} ms`;
export const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** A row whose figure must stay at or below `limit` (counts of failures, durations). */
export function atMost(
  scenario: string,
  measure: string,
  value: number,
  limit: number,
  shown: string,
  goal: string,
): Row {
  return { scenario, measure, result: shown, goal, met: Number.isFinite(value) && value <= limit };
}

/** The actor a signed-in user is on every request. */
export async function userActor(db: Database, email: string): Promise<Actor> {
  return actorFromUser(await db.user.findUniqueOrThrow({ where: { email }, select: actorSelect }));
}

/** The message of an error, whatever was thrown. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
