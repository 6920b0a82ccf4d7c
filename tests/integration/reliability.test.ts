// Reliability, in seconds rather than minutes (the measured versions: `npm run bench:reliability`,
// tests/bench/reliability/): saves of one cell racing with the same seen value, a save refused as
// busy when no connection is free in time, API readers while versions are published, the provider
// lookup every page shares during a publish, acknowledged saves surviving `kill -9` of the embedded
// database's owner, and a data folder left by a power loss taken over at once. Terminated connections, the database away, a second owner refused and a
// killed owner's folder taken over are covered by connection-loss.test.ts, bootstrap.test.ts and
// tests/e2e/database-outage.spec.ts.
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, test } from "vitest";
import { GET as providerRoute } from "@/app/api/v1/providers/[provider]/route";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { isConnectionLost } from "@/lib/database-errors/connection-lost";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";
import { getDb } from "@/lib/db";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { AppError, userFacingError } from "@/lib/errors";
import { getPublishedProvider } from "@/lib/published/get-published-provider";
import { versionDocument } from "@/lib/published/published-cache";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";
import { createProvider } from "../support/app-db";
import { holdEmbeddedDatabase } from "../support/embedded-holder";

const onServer = new URL(inject("databaseUrl")).port === "5432";

/** Renames the provider and rewrites its summary in the draft, then publishes: version `round` + 1. */
async function publishRound(actor: Actor, slug: string, round: number, db: Database = getDb()) {
  const { document, version } = await getDraft({ db, actor, provider: slug });
  const changes = [
    { op: "set" as const, path: ["name"], expected: document.name, value: `Renamed ${round}` },
    { op: "set" as const, path: ["summary"], expected: document.summary, value: `Summary of round ${round}.` },
  ];
  let draftVersion = version;
  for (const change of changes) draftVersion = (await changeDraft({ db, actor, provider: slug, change })).version;
  return publishDraft({ db, actor, provider: slug, note: `Round ${round}`, draftVersion });
}

describe("racing saves", () => {
  test("saves of one cell with the same seen value: one is saved, the others conflict, one audit entry", async () => {
    const p = await createProvider(makeProviderDocument(), { note: "v1" });
    const manager = (await makeUser({ role: "account-manager", managedProviderIds: [p.id] })).actor;
    const slug = p.document.slug;
    // A draft already open (the first change of a draft takes another path, an insert).
    await changeDraft({
      db: getDb(),
      actor: manager,
      provider: slug,
      change: { op: "set", path: ["summary"], expected: p.document.summary, value: "Edited first." },
    });
    const cell = p.document.services[0]!.areas[0]!.cells.findIndex((c) => c.party === "customer");
    const path = ["services", 0, "areas", 0, "cells", cell, "duties"];
    const seen = p.document.services[0]!.areas[0]!.cells[cell]!.duties;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        changeDraft({
          db: getDb(),
          actor: manager,
          provider: slug,
          change: { op: "set", path, expected: seen, value: [...seen, { text: `Added by editor ${i}` }] },
        }),
      ),
    );
    const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(AppError);
        expect((outcome.reason as AppError).code).toBe("CONFLICT");
      }
    const entries = await getDb().auditEntry.findMany({
      where: { providerId: p.id, action: { startsWith: "draft." } },
      select: { after: true },
    });
    expect(
      entries.filter((e) => JSON.stringify((e.after as { path: unknown }).path) === JSON.stringify(path)),
    ).toHaveLength(1);
    const draft = await getDraft({ db: getDb(), actor: manager, provider: slug });
    expect(draft.version).toBe(2);
    expect(draft.document.services[0]!.areas[0]!.cells[cell]!.duties).toEqual([
      ...seen,
      { text: `Added by editor ${winners[0]}` },
    ]);
  });

  test("a save that cannot get a connection in time is refused as busy, and changes nothing", async () => {
    const p = await createProvider(makeProviderDocument());
    const slug = p.document.slug;
    const manager = (await makeUser({ role: "account-manager", managedProviderIds: [p.id] })).actor;
    const before = await getDraft({ db: getDb(), actor: manager, provider: slug });
    let release = () => {};
    let holding: Promise<unknown> = Promise.resolve();
    // One connection, and a transaction waits 200 ms for it; once the save has looked the provider
    // up, another transaction takes that connection for a second.
    const plain = createPrismaClient(inject("databaseUrl"), { max: 1, transactionMaxWaitMs: 200 });
    const db = plain.$extends({
      query: {
        provider: {
          async findFirst({ args, query }) {
            const found = await query(args);
            let started = () => {};
            const taken = new Promise<void>((resolve) => (started = resolve));
            holding = plain.$transaction(async (tx) => {
              await tx.$queryRaw`SELECT 1`;
              started();
              await new Promise<void>((resolve) => (release = resolve));
            });
            await taken;
            return found;
          },
        },
      },
    }) as unknown as Database;
    try {
      const path = ["services", 0, "areas", 0, "notes"];
      const outcome = await changeDraft({
        db,
        actor: manager,
        provider: slug,
        change: { op: "set", path, expected: p.document.services[0]!.areas[0]!.notes, value: "Busy" },
      }).catch((error: unknown) => error);
      release();
      await holding;
      const refusal = userFacingError(outcome);
      expect(refusal?.code).toBe("UNAVAILABLE");
      expect(refusal?.message).toMatch(/busy .* nothing was changed/);
      expect(await getDraft({ db: getDb(), actor: manager, provider: slug })).toEqual(before);
    } finally {
      release();
      await plain.$disconnect();
    }
  });
});

describe("readers during publishes", () => {
  test("every API answer is one version: its ETag is the content hash of the version its body shows", async () => {
    const p = await createProvider(makeProviderDocument(), { note: "v1" });
    const slug = p.document.slug;
    const manager = (await makeUser({ role: "account-manager", managedProviderIds: [p.id] })).actor;
    const answers: { etag: string | null; name: string; summary: string }[] = [];
    let publishing = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (publishing) {
        const response = await providerRoute(new Request(`http://localhost/api/v1/providers/${slug}`), {
          params: Promise.resolve({ provider: slug }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { name: string; summary: string };
        answers.push({ etag: response.headers.get("etag"), name: body.name, summary: body.summary });
      }
    });
    try {
      for (let round = 1; round <= 4; round++) await publishRound(manager, slug, round);
    } finally {
      publishing = false;
      await Promise.all(readers);
    }
    const versions = await getDb().providerVersion.findMany({ where: { providerId: p.id } });
    const byEtag = new Map(
      versions.map((v) => {
        const { name, summary } = v.document as { name: string; summary: string };
        return [`"${v.contentHash}"`, { name, summary }];
      }),
    );
    for (const answer of answers)
      expect(byEtag.get(answer.etag ?? ""), `the answer tagged ${answer.etag}`).toEqual({
        name: answer.name,
        summary: answer.summary,
      });
    // The readers did read across publishes.
    expect(new Set(answers.map((a) => a.etag)).size).toBeGreaterThan(1);
  }, 60_000);

  // Every provider page shares one lookup (lib/published/get-published-provider.ts): the provider row
  // (its name goes into the page's print stamp) and the newest version (the stamp's number, and the
  // whole content). Read apart, a publish committing between them paired the old row with the new
  // version: "<old name> · Version N" above version N's content. Here a publish is placed right after
  // the lookup's first statement (the visibility check), where it found that mix.
  test("the provider lookup pairs the provider row with the version of the same moment", async () => {
    const p = await createProvider(makeProviderDocument(), { note: "v1" });
    const slug = p.document.slug;
    const manager = (await makeUser({ role: "account-manager", managedProviderIds: [p.id] })).actor;
    const shared = globalThis as unknown as { demarcDb?: Database };
    const plain = getDb();
    let publishBetween = true;
    // The app's client, with a publish run just after the lookup's first statement (once).
    shared.demarcDb = plain.$extends({
      query: {
        provider: {
          async findFirst({ args, query }) {
            const found = await query(args);
            if (publishBetween) {
              publishBetween = false;
              await publishRound(manager, slug, 1, plain);
            }
            return found;
          },
        },
      },
    }) as unknown as Database;
    try {
      const published = await getPublishedProvider({ actor: anonymous, provider: slug });
      expect(publishBetween).toBe(false);
      const shown = await versionDocument(published!.version!.id);
      expect(published!.provider.name).toBe(shown.name);
    } finally {
      shared.demarcDb = plain;
    }
  });
});

describe.skipIf(onServer)("kill -9 of the embedded database's owner", () => {
  test("every acknowledged save is there after a restart, and nothing is half-written", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "demarc-kill-"));
    const holder = await holdEmbeddedDatabase(dataDir);
    try {
      const url = readEmbeddedServer(dataDir)!.url;
      await prepareDatabase({ databaseUrl: url, seed: false });
      const document = providerDocumentSchema.parse(makeProviderDocument());
      const admin: Actor = {
        kind: "user",
        id: randomUUID(),
        email: "admin@example.test",
        name: "Admin",
        role: "admin",
        organizationId: null,
        managedProviderIds: [],
      };
      const db = createPrismaClient(url, { max: 2 });
      const acknowledged: string[] = [];
      let inFlight: string | null = null;
      let failure: unknown;
      try {
        await db.$transaction((tx) => writePublishedProvider({ tx, actor: admin, document, note: "v1" }));
        let seen: string | undefined;
        for (let n = 1; n < 1000; n++) {
          const value = `Save ${n}`;
          inFlight = value;
          // The owner dies while the next saves are on their way.
          if (n === 9) void holder.kill();
          try {
            await changeDraft({
              db,
              actor: admin,
              provider: document.slug,
              change: { op: "set", path: ["services", 0, "areas", 0, "notes"], expected: seen, value },
            });
          } catch (error) {
            failure = error;
            break;
          }
          acknowledged.push(value);
          inFlight = null;
          seen = value;
        }
      } finally {
        await db.$disconnect().catch(() => undefined);
      }
      expect(isConnectionLost(failure), String(failure)).toBe(true);
      expect(acknowledged.length).toBeGreaterThanOrEqual(8);
      await holder.exited;

      const owner = await startEmbeddedDatabase({ dataDir });
      const after = createPrismaClient(owner.url, { max: 2 });
      try {
        const provider = await after.provider.findUniqueOrThrow({ where: { slug: document.slug } });
        const entries = await after.auditEntry.findMany({
          where: { providerId: provider.id, action: "draft.set" },
          select: { after: true },
        });
        const logged = entries.map((e) => (e.after as { value: string }).value);
        expect(logged).toEqual(expect.arrayContaining(acknowledged));
        const draft = await after.providerDraft.findUniqueOrThrow({ where: { providerId: provider.id } });
        const stored = providerDocumentSchema.parse(draft.document);
        expect([acknowledged.at(-1), inFlight]).toContain(stored.services[0]!.areas[0]!.notes);
        // The draft and its audit entries are written in one transaction: both or neither.
        expect(draft.version).toBe(entries.length);
      } finally {
        await after.$disconnect();
        await owner.stop();
      }
    } finally {
      await holder.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  test("a lock left by a power loss is taken over at once, even when its process id now names a live process", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "demarc-power-loss-"));
    try {
      // What the folder holds after the machine lost power: the lock, last refreshed before the outage,
      // and the owner's process id, which after the reboot belongs to another process (here: our parent).
      await mkdir(path.join(dataDir, "owner.lock"));
      await writeFile(path.join(dataDir, "owner.pid"), String(process.ppid));
      const beforeTheOutage = new Date(Date.now() - 60_000);
      await utimes(path.join(dataDir, "owner.lock"), beforeTheOutage, beforeTheOutage);
      const owner = await startEmbeddedDatabase({ dataDir });
      await owner.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
