// Scenario "racing saves": 50 editors save the same cell at the same moment, each having seen the
// same value (the editor sends the value it saw with every change; lib/drafts/change-draft.ts
// refuses a change whose seen value is no longer there). Exactly one save may succeed; the other 49
// must be refused as conflicts, and the audit log must hold exactly one entry. Raced twice — as the
// draft's first change and with the draft already open — on PostgreSQL and
// on the embedded database (PGlite, one backend for every connection), through a client with the
// portal's pool size (10 connections), so the saves queue for connections as they would there.
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { sameJson } from "@/lib/domain/canonical-json";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { messageOf, seconds, userActor, type Row, type ScenarioContext, type ScenarioResult } from "./common";

const savers = 50;
const provider = "danubedata";

export async function runRacingSaves(context: ScenarioContext): Promise<ScenarioResult> {
  const databases = await context.databases();
  const onServer = await databases.copy("racing");
  const results = [];
  try {
    results.push(await race("PostgreSQL", onServer.url));
  } finally {
    await databases.drop(onServer);
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  try {
    await prepareDatabase({ databaseUrl: embedded.url, demoAccounts: true });
    results.push(await race("embedded", embedded.url));
  } finally {
    await embedded.stop();
  }
  return {
    rows: results.map((r) => r.row),
    notes: results.flatMap((r) => r.notes),
    figures: Object.fromEntries(results.map((r) => [r.engine, r.figures])),
  };
}

async function race(engine: string, databaseUrl: string) {
  const db: Database = createPrismaClient(databaseUrl, { max: 10 });
  try {
    const manager = await userActor(db, "manager@demarc.local");
    const { id: providerId } = await db.provider.findUniqueOrThrow({ where: { slug: provider }, select: { id: true } });
    // The draft's first change (no draft row yet: the savers race to create it) and a change to a
    // draft already open (they race for its row lock): two paths through lib/drafts/lock-draft.ts.
    const rounds = [
      await raceOnce(db, manager, providerId, 0, "first change"),
      await raceOnce(db, manager, providerId, 1, "draft open"),
    ];
    const expected = (r: (typeof rounds)[number]) =>
      r.saved === 1 && r.conflicts === savers - 1 && r.entries === 1 && r.holdsWinner;
    const scenario = `${savers} parallel saves of one cell (${engine})`;
    const row: Row = {
      scenario,
      measure: "saved / conflicts / other; audit entries (first change; draft open)",
      result: rounds
        .map(
          (r) =>
            `${r.saved} / ${r.conflicts} / ${r.other.length}; ${r.entries}${r.holdsWinner ? "" : " (draft lacks the winner's value)"} in ${seconds(r.elapsedMs)}`,
        )
        .join("; "),
      goal: `1 / ${savers - 1} / 0; 1 entry, each`,
      met: rounds.every(expected),
    };
    const other = rounds.flatMap((r) => r.other);
    const notes = other.length
      ? [`${scenario}: saves failed otherwise than as conflicts: ${[...new Set(other)].join("; ")}`]
      : [];
    if (other.some((message) => /Unable to start a transaction in the given time/.test(message)))
      notes.push(
        `${scenario}: cause: the saves queue for the pool's 10 connections, and Prisma gives an interactive transaction at most 2 s (its default maxWait) to get one; lib/drafts/change-draft.ts sets only the transaction's \`timeout\`. The draft's first change holds connections longest (every save reads the whole published model inside its transaction before it finds another save created the draft), so on a busy machine the queue outlasts 2 s. Such a save is not told of the conflict: the editor says "Something went wrong on our side" (lib/actions/run-action.ts), the import API answers 500, because neither lib/errors.ts nor lib/database-errors/connection-lost.ts knows Prisma's P2028.`,
      );
    return { engine, row, notes, figures: { rounds } };
  } finally {
    await db.$disconnect();
  }
}

/** `savers` saves of the customer's duties on row `area` of the first service, all having seen the same value. */
async function raceOnce(db: Database, manager: Actor, providerId: string, area: number, label: string) {
  const draft = await getDraft({ db, actor: manager, provider });
  const cell = draft.document.services[0]!.areas[area]!.cells.findIndex((c) => c.party === "customer");
  const path = ["services", 0, "areas", area, "cells", cell, "duties"];
  const seen = draft.document.services[0]!.areas[area]!.cells[cell]!.duties;
  const value = (i: number) => [...seen, { text: `Added by editor ${i}` }];

  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: savers }, (_, i) =>
      changeDraft({ db, actor: manager, provider, change: { op: "set", path, expected: seen, value: value(i) } }),
    ),
  );
  const elapsedMs = performance.now() - started;
  const isConflict = (reason: unknown) => reason instanceof AppError && reason.code === "CONFLICT";
  const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
  const conflicts = outcomes.filter((o) => o.status === "rejected" && isConflict(o.reason)).length;
  const other = outcomes.flatMap((o) =>
    o.status === "rejected" && !isConflict(o.reason) ? [messageOf(o.reason)] : [],
  );
  const entries = (
    await db.auditEntry.findMany({ where: { providerId, action: "draft.set" }, select: { after: true } })
  ).filter((e) => sameJson((e.after as { path?: unknown } | null)?.path, path)).length;
  const after = await getDraft({ db, actor: manager, provider });
  const holdsWinner =
    winners.length === 1 && sameJson(after.document.services[0]!.areas[area]!.cells[cell]!.duties, value(winners[0]!));
  return {
    label,
    saved: winners.length,
    conflicts,
    other,
    entries,
    holdsWinner,
    draftVersion: after.version,
    elapsedMs,
  };
}
