// Scenario "kill -9 during saves": the portal on its embedded database (`npm start`, a fresh data
// folder), four editors saving one row each in a loop and a manager publishing every second, through
// the embedded server the portal owns — then `kill -9` of the portal's whole process group
// mid-loop, and a restart on the same folder. Measured: the restart until /api/ready answers
// (goal < 5 s), whether every acknowledged save and publish (committed, and returned to its caller
// before the kill) is there, and whether anything is half-written (./published-integrity.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/permissions";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { startPortal, type Portal } from "../portal-process";
import { startupPhases } from "./startup-phases";
import { atMost, messageOf, seconds, sleep, userActor, type ScenarioContext, type ScenarioResult } from "./common";
import { integrityProblems } from "./published-integrity";

const scenario = "kill -9 of the embedded portal during saves";
const provider = "danubedata";
const port = 3410;
const editors = 4;
const killAfterMs = 3000;

interface Editor {
  acknowledged: string[];
  /** The value being saved when the portal died: it may or may not have committed. */
  inFlight: string | null;
}

export async function runKillDuringSaves(_context: ScenarioContext): Promise<ScenarioResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "demarc-bench-rel-kill-"));
  let portal: Portal | undefined;
  try {
    portal = await startPortal({ dataDir, port, onOutput: () => undefined });
    const firstStartMs = portal.startupMs;
    let db = createPrismaClient(readEmbeddedServer(dataDir)!.url, { max: 4 });
    const manager = await userActor(db, "manager@demarc.local");
    let killed = false;
    const start = await getDraft({ db, actor: manager, provider });
    const editorStates: Editor[] = Array.from({ length: editors }, () => ({ acknowledged: [], inFlight: null }));
    const publishes: { number: number; contentHash: string }[] = [];
    const unexpected: string[] = [];
    const stillSaving = () => !killed;

    const review: Review = { closed: null, saving: 0 };
    const saving = editorStates.map((state, editor) =>
      saveLoop({
        db,
        actor: manager,
        editor,
        initial: start.document.services[0]!.areas[editor]!.notes,
        state,
        review,
        keepGoing: stillSaving,
        report: (message) => unexpected.push(message),
      }),
    );
    const publishing = (async () => {
      while (stillSaving()) {
        await sleep(1000);
        // The manager reviews a draft that holds still: editors finish the save they are making and wait.
        let reopen = () => {};
        review.closed = new Promise<void>((resolve) => (reopen = resolve));
        while (review.saving > 0) await sleep(2);
        try {
          const draft = await getDraft({ db, actor: manager, provider });
          if (draft.version > 0)
            publishes.push(
              await publishDraft({ db, actor: manager, provider, note: "Saved", draftVersion: draft.version }),
            );
        } catch (error) {
          if (!killed) unexpected.push(messageOf(error));
        } finally {
          review.closed = null;
          reopen();
        }
      }
    })();
    await sleep(killAfterMs);
    killed = true;
    await portal.kill();
    await Promise.all([...saving, publishing]);
    await db.$disconnect().catch(() => undefined);

    const restartedAt = performance.now();
    const phases = startupPhases(restartedAt);
    portal = await startPortal({ dataDir, port, onOutput: phases.onOutput });
    const restartMs = performance.now() - restartedAt;
    db = createPrismaClient(readEmbeddedServer(dataDir)!.url, { max: 2 });
    try {
      const missing: string[] = [];
      const { id: providerId } = await db.provider.findUniqueOrThrow({
        where: { slug: provider },
        select: { id: true },
      });
      const logged = new Set(
        (
          await db.auditEntry.findMany({
            where: { action: "draft.set", providerId },
            select: { after: true },
          })
        ).map((entry) => (entry.after as { value?: unknown } | null)?.value),
      );
      for (const state of editorStates)
        for (const value of state.acknowledged) if (!logged.has(value)) missing.push(`save "${value}" (audit log)`);
      const draft = await getDraft({ db, actor: manager, provider });
      editorStates.forEach((state, editor) => {
        const value = draft.document.services[0]!.areas[editor]!.notes;
        const last = state.acknowledged.at(-1);
        if (last !== undefined && value !== last && value !== state.inFlight)
          missing.push(`row ${editor} holds "${value}", not its last acknowledged save "${last}"`);
      });
      const versions = await db.providerVersion.findMany({
        where: { provider: { slug: provider } },
        select: { number: true, contentHash: true },
      });
      for (const publish of publishes)
        if (!versions.some((v) => v.number === publish.number && v.contentHash === publish.contentHash))
          missing.push(`published version ${publish.number}`);
      const problems = await integrityProblems(db, provider);
      const serves = await fetch(`${portal.origin}/providers/${provider}`).then((r) => r.status);
      const saves = editorStates.reduce((n, state) => n + state.acknowledged.length, 0);
      const notes = [
        `${scenario}: the first start on a fresh folder (migrate, seed) took ${seconds(firstStartMs)}; the kill came ${seconds(killAfterMs)} into the save loop; the restart is timed from spawning \`npm start\`'s entry until /api/ready answers 200 (recovery of the embedded database, migration check, Next.js start): ${phases.describe()}.`,
      ];
      if (unexpected.length)
        notes.push(`${scenario}: unexpected failures before the kill: ${unexpected.slice(0, 3).join("; ")}`);
      if (missing.length) notes.push(`${scenario}: lost: ${missing.slice(0, 5).join("; ")}`);
      if (problems.length) notes.push(`${scenario}: half-written: ${problems.join("; ")}`);
      return {
        rows: [
          atMost(scenario, "restart until ready", restartMs, 5000, seconds(restartMs), "< 5 s"),
          atMost(
            scenario,
            "acknowledged saves and publishes lost",
            missing.length + unexpected.length,
            0,
            `${missing.length} of ${saves} saves and ${publishes.length} publishes${unexpected.length ? `; ${unexpected.length} failed before the kill` : ""}`,
            "0",
          ),
          atMost(
            scenario,
            "half-written state after restart; portal serves",
            problems.length + (serves === 200 ? 0 : 1),
            0,
            `${problems.length} problems; provider page ${serves}`,
            "0; 200",
          ),
        ],
        notes,
        figures: {
          firstStartMs,
          restartMs,
          restartPhases: phases.reached,
          saves,
          publishes: publishes.length,
          missing,
          problems,
          unexpected,
          serves,
        },
      };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await portal?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** While `closed` is set the manager is publishing, and editors wait before their next save. */
interface Review {
  closed: Promise<void> | null;
  saving: number;
}

/** One editor: saves a new note on its own row, again and again; records what was acknowledged. */
async function saveLoop(options: {
  db: Database;
  actor: Actor;
  editor: number;
  initial: string | undefined;
  state: Editor;
  review: Review;
  keepGoing: () => boolean;
  report: (message: string) => void;
}) {
  const { db, actor, editor, state, review, keepGoing } = options;
  let seen = options.initial;
  for (let save = 1; keepGoing(); save++) {
    while (review.closed) await review.closed;
    const value = `Editor ${editor}, save ${save}`;
    state.inFlight = value;
    review.saving++;
    try {
      await changeDraft({
        db,
        actor,
        provider,
        change: { op: "set", path: ["services", 0, "areas", editor, "notes"], expected: seen, value },
      });
    } catch (error) {
      if (keepGoing()) options.report(messageOf(error));
      return;
    } finally {
      review.saving--;
    }
    // Answered, so committed: acknowledged even if the kill was already on its way.
    state.acknowledged.push(value);
    state.inFlight = null;
    seen = value;
  }
}
