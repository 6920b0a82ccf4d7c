// Scenario "terminated connections": the portal on PostgreSQL under load (readers whose every
// request reaches the database, and two API clients importing into the draft), while every 2 s all
// of the portal's backends are ended with pg_terminate_backend (a failover, an operator, a pooler
// restart). Expected: a read in flight is tried once more on a fresh connection and answered; a
// write in flight fails as a clean 503 (problem details, Retry-After) and is never applied twice;
// the pool reconnects by itself (recovery: from the termination until a fresh read is answered,
// goal < 2 s); every acknowledged import is in the audit log afterwards.
import pg from "pg";
import { createPrismaClient } from "@/lib/database/client";
import { getDraft } from "@/lib/drafts/get-draft";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { startInstance, stopInstance } from "../../e2e/support/portal-instance";
import { serverUrl } from "./bench-databases";
import { atMost, ms, percentile, sleep, userActor, type ScenarioContext, type ScenarioResult } from "./common";
import { integrityProblems } from "./published-integrity";
import { isCleanUnavailable, readConcurrently, uniqueQuery, type Answer } from "./reader-load";

const scenario = "pg_terminate_backend under load (PostgreSQL)";
const provider = "danubedata";
const port = 3420;
const readers = 20;
const writers = 2;
const terminateEveryMs = 2000;

export async function runTerminateConnections(context: ScenarioContext): Promise<ScenarioResult> {
  const databases = await context.databases();
  const database = await databases.copy("terminate");
  const portal = await startInstance({ port, databaseUrl: database.url });
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    const setup = createPrismaClient(database.url, { max: 2 });
    const manager = await userActor(setup, "manager@demarc.local");
    const { token } = await issueApiToken({
      db: setup,
      actor: await userActor(setup, "admin@demarc.local"),
      userId: manager.kind === "user" ? manager.id : "",
      name: "reliability bench",
    });
    const document = (await getDraft({ db: setup, actor: manager, provider })).document;
    await setup.$disconnect();

    const reads = { ok: 0, cleanUnavailable: 0, other: new Map<string, number>() };
    const writes = {
      acknowledged: [] as { fileName: string; draftVersion: number }[],
      cleanUnavailable: 0,
      other: [] as string[],
    };
    const deadline = performance.now() + context.seconds * 1000;
    const keepGoing = () => performance.now() < deadline;

    const paths = [`/api/v1/providers/${provider}`, `/providers/${provider}/services/vps`, "/api/v1/providers"];
    const reading = readConcurrently({
      origin: portal.origin,
      readers,
      keepGoing,
      path: (reader, i) => `${paths[(reader + i) % paths.length]}?${uniqueQuery(reader, i)}`,
      onAnswer: (answer: Answer) => {
        if (answer.status === 200) reads.ok++;
        else if (isCleanUnavailable(answer)) reads.cleanUnavailable++;
        else {
          const kind = answer.error ?? `HTTP ${answer.status}`;
          reads.other.set(kind, (reads.other.get(kind) ?? 0) + 1);
        }
      },
    });
    const writing = Array.from({ length: writers }, async (_, writer) => {
      for (let n = 1; keepGoing(); n++) {
        const fileName = `writer-${writer}-import-${n}.json`;
        const body = JSON.stringify({ ...document, summary: `${document.summary} (${fileName})` });
        const startedAt = performance.now();
        const response = await fetch(
          `${portal.origin}/api/v1/providers/${provider}/import?format=json&fileName=${fileName}`,
          {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body,
          },
        );
        const text = await response.text();
        const answer: Answer = {
          reader: -1,
          path: "import",
          startedAt,
          ms: 0,
          status: response.status,
          headers: response.headers,
          body: text,
          error: null,
        };
        if (response.status === 200)
          writes.acknowledged.push({
            fileName,
            draftVersion: (JSON.parse(text) as { draftVersion: number }).draftVersion,
          });
        else if (isCleanUnavailable(answer)) writes.cleanUnavailable++;
        else writes.other.push(`${response.status} ${text.slice(0, 200)}`);
        await sleep(100);
      }
    });

    // Every 2 s: end all of the portal's backends, then time how long until a fresh read is answered
    // and until the portal has opened a new connection; the same read just before shows the latency
    // the load alone causes.
    const rounds: Round[] = [];
    while (performance.now() + terminateEveryMs < deadline) {
      await sleep(terminateEveryMs);
      rounds.push(
        await terminationRound(admin, database.name, `${portal.origin}/api/v1/providers/${provider}`, rounds.length),
      );
    }
    const recoveries = rounds.map((r) => r.recoveryMs).sort((a, b) => a - b);
    const reconnects = rounds.map((r) => r.reconnectMs).sort((a, b) => a - b);
    const baseline = rounds.map((r) => r.beforeMs).sort((a, b) => a - b);
    const terminated = rounds.reduce((n, r) => n + r.ended, 0);
    await Promise.all([reading, ...writing]);

    // Every acknowledged import must be in the audit log, with the draft version it was answered with.
    const check = createPrismaClient(database.url, { max: 2 });
    const entries = await check.auditEntry.findMany({
      where: { action: "draft.import-provider" },
      select: { after: true },
    });
    const logged = new Set(
      entries.map((e) => {
        const after = e.after as { fileName?: string; draftVersion?: number };
        return `${after.fileName}@${after.draftVersion}`;
      }),
    );
    const lost = writes.acknowledged.filter((w) => !logged.has(`${w.fileName}@${w.draftVersion}`));
    const problems = await integrityProblems(check, provider);
    await check.$disconnect();

    const otherReads = [...reads.other.values()].reduce((a, b) => a + b, 0);
    const totalReads = reads.ok + reads.cleanUnavailable + otherReads;
    const notes = [
      `${scenario}: ${readers} readers (each request with a query of its own, so it reads the database) and ${writers} API clients importing JSON into the draft; ${recoveries.length} rounds of pg_terminate_backend ended ${terminated} backends. Recovery: from the termination until a new request reading the database is answered 200 (the same request just before the termination took ${ms(percentile(baseline, 50))} median, ${ms(baseline.at(-1) ?? Number.NaN)} at most, under this load); the portal opened its first new connection ${ms(percentile(reconnects, 50))} after the termination (median; ${ms(reconnects.at(-1) ?? Number.NaN)} at most, from pg_stat_activity).`,
    ];
    if (otherReads)
      notes.push(`${scenario}: reads that failed uncleanly: ${JSON.stringify(Object.fromEntries(reads.other))}`);
    if (writes.other.length)
      notes.push(`${scenario}: writes that failed uncleanly: ${[...new Set(writes.other)].slice(0, 3).join("; ")}`);
    if (problems.length) notes.push(`${scenario}: inconsistent afterwards: ${problems.join("; ")}`);
    return {
      rows: [
        atMost(
          scenario,
          "reads not answered (retried once)",
          reads.cleanUnavailable + otherReads,
          0,
          `${reads.cleanUnavailable + otherReads} of ${totalReads} (${otherReads} not a clean 503)`,
          "0",
        ),
        atMost(
          scenario,
          "writes failed: clean 503 / otherwise",
          writes.other.length,
          0,
          `${writes.cleanUnavailable} / ${writes.other.length} of ${writes.acknowledged.length + writes.cleanUnavailable + writes.other.length}`,
          "any / 0",
        ),
        atMost(
          scenario,
          "recovery after termination, median / max",
          recoveries.at(-1) ?? Number.NaN,
          2000,
          `${ms(percentile(recoveries, 50))} / ${ms(recoveries.at(-1) ?? Number.NaN)}`,
          "< 2 s",
        ),
        atMost(
          scenario,
          "acknowledged imports lost; inconsistencies",
          lost.length + problems.length,
          0,
          `${lost.length} of ${writes.acknowledged.length}; ${problems.length}`,
          "0; 0",
        ),
      ],
      notes,
      figures: {
        reads: { ...reads, other: Object.fromEntries(reads.other) },
        writes,
        rounds,
        terminated,
        lost,
        problems,
      },
    };
  } finally {
    await admin.end();
    await stopInstance(portal);
    await databases.drop(database);
  }
}

interface Round {
  ended: number;
  beforeMs: number;
  recoveryMs: number;
  /** From the termination until the first backend the portal opened after it (server clock). */
  reconnectMs: number;
  failedProbes: number;
}

async function terminationRound(admin: pg.Client, database: string, url: string, round: number): Promise<Round> {
  const read = async (label: string) => {
    const started = performance.now();
    const status = await fetch(`${url}?probe=${round}-${label}`, { signal: AbortSignal.timeout(10_000) }).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
    return { status, ms: performance.now() - started };
  };
  const beforeMs = (await read("before")).ms;
  const { rows } = await admin.query<{ ended: number; at: Date }>(
    `SELECT count(*)::int AS ended, clock_timestamp() AS at
       FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) AS t`,
    [database],
  );
  const { ended, at } = rows[0]!;
  const terminatedAt = performance.now();
  const reconnected = (async () => {
    while (performance.now() - terminatedAt < 10_000) {
      const found = await admin.query<{ first: Date | null }>(
        "SELECT min(backend_start) AS first FROM pg_stat_activity WHERE datname = $1 AND backend_start > $2",
        [database, at],
      );
      if (found.rows[0]!.first) return found.rows[0]!.first.getTime() - at.getTime();
      await sleep(20);
    }
    return Number.NaN;
  })();
  let failedProbes = 0;
  for (let attempt = 0; (await read(`after-${attempt}`)).status !== 200; attempt++) {
    failedProbes++;
    if (performance.now() - terminatedAt > 10_000) break;
  }
  return {
    ended,
    beforeMs,
    recoveryMs: performance.now() - terminatedAt,
    reconnectMs: await reconnected,
    failedProbes,
  };
}
