// Scenario "database away": the portal on PostgreSQL with readers, and the database server stopped
// for 10 s, then started again. The stop is simulated at the network (tests/support/tcp-proxy.ts):
// every connection is dropped and new ones are refused, which is what the portal sees of a stopped
// server, without stopping the machine's shared PostgreSQL. Expected meanwhile: every answer is a
// clean 503 (the page that says the database cannot be reached, or problem details, with
// Retry-After), /api/health 200 and /api/ready 503; afterwards the same process serves again by
// itself (recovery: from the start until a read of the database is answered 200; the end-to-end
// test asks < 2 s).
import { startTcpProxy } from "../../support/tcp-proxy";
import { startInstance, stopInstance } from "../../e2e/support/portal-instance";
import { atMost, ms, percentile, sleep, type ScenarioContext, type ScenarioResult } from "./common";
import { isCleanUnavailable, readConcurrently, uniqueQuery, type Answer } from "./reader-load";

const scenario = "PostgreSQL stopped for 10 s";
const provider = "danubedata";
const port = 3430;
const readers = 10;
const before = 3000;
const outage = 10_000;
const after = 3000;

export async function runDatabaseOutage(context: ScenarioContext): Promise<ScenarioResult> {
  const databases = await context.databases();
  const database = await databases.copy("outage");
  const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  const portal = await startInstance({
    port,
    databaseUrl: `postgresql://postgres@127.0.0.1:${proxy.port}/${database.name}`,
  });
  try {
    const answers: Answer[] = [];
    let reading = true;
    const paths = [`/providers/${provider}`, `/api/v1/providers/${provider}`];
    // Alternately the plain address (which the page cache may hold) and one with a query of its own.
    const readersDone = readConcurrently({
      origin: portal.origin,
      readers,
      keepGoing: () => reading,
      path: (reader, i) => `${paths[(reader + i) % 2]}${i % 4 >= 2 ? `?${uniqueQuery(reader, i)}` : ""}`,
      onAnswer: (answer) => answers.push(answer),
      timeoutMs: 15_000,
    });

    await sleep(before);
    await proxy.stop();
    const stoppedAt = performance.now();
    await sleep(outage / 2);
    const health = (await fetch(`${portal.origin}/api/health`)).status;
    const readyDuring = (await fetch(`${portal.origin}/api/ready`)).status;
    await sleep(stoppedAt + outage - performance.now());
    // Requests sent from shortly before here on may reach a database that is back (the portal reads
    // them a moment after they are sent).
    const restartingAt = performance.now() - 100;
    await proxy.start();
    const backAt = performance.now();
    let recoveryMs = Number.NaN;
    for (let attempt = 0; performance.now() - backAt < 15_000; attempt++) {
      const status = await fetch(`${portal.origin}/api/v1/providers/${provider}?back=${attempt}`).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
      if (status === 200) {
        recoveryMs = performance.now() - backAt;
        break;
      }
      await sleep(50);
    }
    const recoveredAt = backAt + (Number.isNaN(recoveryMs) ? 15_000 : recoveryMs);
    await sleep(after);
    reading = false;
    await readersDone;
    const readyAfter = (await fetch(`${portal.origin}/api/ready`)).status;
    const sameProcess = portal.process.exitCode === null && portal.process.signalCode === null;

    // Requests in flight when the database went away, and those sent before the portal noticed it was
    // back, may be answered either way (200 or a clean 503); the others may not.
    const phase = (a: Answer) =>
      a.startedAt + a.ms < stoppedAt
        ? "before"
        : a.startedAt < stoppedAt
          ? "in flight"
          : a.startedAt < restartingAt
            ? "during"
            : a.startedAt < recoveredAt
              ? "recovering"
              : "after";
    const during = answers.filter((a) => phase(a) === "during");
    const clean = during.filter(isCleanUnavailable);
    const unclear = during.filter((a) => a.status !== 200 && !isCleanUnavailable(a));
    const servedDuring = during.filter((a) => a.status === 200).length;
    const failedOutside = answers.filter((a) => (phase(a) === "before" || phase(a) === "after") && a.status !== 200);
    const recovering = answers.filter(
      (a) => (phase(a) === "recovering" || phase(a) === "in flight") && a.status !== 200 && !isCleanUnavailable(a),
    );
    const latencies = clean.map((a) => a.ms).sort((a, b) => a - b);
    const firstUnavailable = clean.reduce((first, a) => Math.min(first, a.startedAt + a.ms - stoppedAt), Infinity);

    const notes = [
      `${scenario}: simulated at the network (a relay between the portal and PostgreSQL drops every connection and refuses new ones, as a stopped server does; the shared server itself keeps running). ${readers} readers of the provider page and the API, half with a query of their own; ${answers.length} answers in all. Recovery: from the relay accepting again until GET /api/v1/providers/${provider} (fresh query) answers 200, polled every 50 ms.`,
    ];
    if (unclear.length)
      notes.push(
        `${scenario}: unclear answers during the stop: ${[...new Set(unclear.map((a) => a.error ?? `${a.status} ${a.headers?.get("content-type")}`))].join(", ")}`,
      );
    if (failedOutside.length)
      notes.push(
        `${scenario}: failed while the database was up: ${failedOutside
          .slice(0, 5)
          .map(
            (a) =>
              `${a.error ?? a.status} ${a.path} sent ${ms(a.startedAt - (phase(a) === "before" ? stoppedAt : recoveredAt))} from ${phase(a) === "before" ? "the stop" : "recovery"}`,
          )
          .join("; ")}`,
      );
    return {
      rows: [
        atMost(
          scenario,
          "answers during the stop: clean 503 / other",
          unclear.length,
          0,
          `${clean.length} / ${unclear.length}${servedDuring ? ` (+${servedDuring} answered 200)` : ""}; 503 p99 ${ms(percentile(latencies, 99))}, first after ${ms(firstUnavailable)}`,
          "all clean",
        ),
        atMost(
          scenario,
          "/api/health and /api/ready during the stop; ready after",
          (health === 200 ? 0 : 1) + (readyDuring === 503 ? 0 : 1) + (readyAfter === 200 ? 0 : 1),
          0,
          `${health}, ${readyDuring}; ${readyAfter}`,
          "200, 503; 200",
        ),
        atMost(
          scenario,
          "recovery after the start, without a restart",
          sameProcess ? recoveryMs : Number.NaN,
          2000,
          `${ms(recoveryMs)}, ${sameProcess ? "same process" : "process gone"}`,
          "< 2 s",
        ),
        atMost(
          scenario,
          "failed answers before the stop and after recovery",
          failedOutside.length + recovering.length,
          0,
          `${failedOutside.length + recovering.length}`,
          "0",
        ),
      ],
      notes,
      figures: {
        answers: answers.length,
        during: during.length,
        clean: clean.length,
        unclear: unclear.length,
        servedDuring,
        // Sent after the stop, yet answered 200: which, when and how fast (for a closer look).
        servedDuringDetails: during
          .filter((a) => a.status === 200)
          .slice(0, 10)
          .map((a) => ({
            path: a.path,
            sentAfterStopMs: a.startedAt - stoppedAt,
            ms: a.ms,
            cache: a.headers?.get("x-demarc-cache"),
          })),
        p99UnavailableMs: percentile(latencies, 99),
        firstUnavailableMs: firstUnavailable,
        health,
        readyDuring,
        readyAfter,
        recoveryMs,
        sameProcess,
        failedOutside: failedOutside.length,
      },
    };
  } finally {
    await stopInstance(portal);
    await proxy.close();
    await databases.drop(database);
  }
}
