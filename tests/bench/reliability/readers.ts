// Scenario "readers": 100 concurrent readers on a portal served from PostgreSQL while the provider's
// account manager saves and publishes new versions again and again. Measured: failed answers
// (goal 0), latency, and whether any answer mixes two versions.
//
// Every publish k renames the provider "DanubeData revision k" and ends its summary and its first
// service's summary with "(revision k)", so each published version differs from the others in three
// places, each carrying its revision number. An answer is one version when:
// - API (GET /api/v1/providers/danubedata): its ETag is the content hash of a published version V,
//   its `name` is V's name, and every "revision n" in the body is V's revision;
// - provider page: its print stamp ("<name> · Version N", from the provider row and the version
//   lookup) names a published version V, the stamp's name and the <h1> are V's name, and every
//   "revision n" in the HTML (title, heading, summaries, the page's own data) is V's revision.
// A reader also never sees an older revision after a newer one.
import { createPrismaClient, type Database } from "@/lib/database/client";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import type { Actor } from "@/lib/auth/permissions";
import type { DocumentChange } from "@/lib/domain/document-changes";
import { startInstance, stopInstance } from "../../e2e/support/portal-instance";
import {
  atMost,
  messageOf,
  ms,
  percentile,
  sleep,
  userActor,
  type ScenarioContext,
  type ScenarioResult,
} from "./common";
import { readConcurrently, uniqueQuery, type Answer } from "./reader-load";

const scenario = "100 readers during publishes (PostgreSQL)";
const provider = "danubedata";
const readers = 100;
const port = 3401;
const saveIntervalMs = 1000;

/** What one answer showed: the version it names and the revisions its content carries. */
interface Seen {
  kind: "page" | "api";
  /** Page: the stamp's version number; API: the ETag's content hash. */
  version: string;
  name: string;
  stampName: string | null;
  revisions: string;
}

export async function runReaders(context: ScenarioContext): Promise<ScenarioResult> {
  const databases = await context.databases();
  const database = await databases.copy("readers");
  const portal = await startInstance({ port, databaseUrl: database.url });
  const db = createPrismaClient(database.url, { max: 4 });
  try {
    const manager = await userActor(db, "manager@demarc.local");
    const seen = new Map<string, number>();
    const latencies: number[] = [];
    const freshLatencies: number[] = [];
    let cacheHits = 0;
    const failures = new Map<string, number>();
    const newest = new Map<number, number>();
    let regressions = 0;
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

    const onAnswer = (answer: Answer) => {
      latencies.push(answer.ms);
      if (answer.path.includes("?")) freshLatencies.push(answer.ms);
      else if (answer.headers?.get("x-demarc-cache") === "hit") cacheHits++;
      if (answer.status !== 200) return void count(failures, answer.error ?? `HTTP ${answer.status}`);
      const observed = answer.path.startsWith("/api/") ? readApi(answer) : readPage(answer.body);
      if (!observed) return void count(failures, "unreadable answer");
      count(seen, JSON.stringify(observed));
      const revision = Math.max(0, ...observed.revisions.split(",").filter(Boolean).map(Number));
      if (revision < (newest.get(answer.reader) ?? 0)) regressions++;
      newest.set(answer.reader, Math.max(revision, newest.get(answer.reader) ?? 0));
    };
    // Half the requests are the API, half the provider page; one in ten carries a query of its own,
    // so the page cache cannot answer it and it reads the database while publishes commit.
    const path = (reader: number, i: number) =>
      `${(reader + i) % 2 === 0 ? `/providers/${provider}` : `/api/v1/providers/${provider}`}${i % 10 === 9 ? `?${uniqueQuery(reader, i)}` : ""}`;

    const deadline = performance.now() + context.seconds * 1000;
    const keepGoing = () => performance.now() < deadline;
    const publishing = publishContinuously(db, manager, keepGoing);
    await readConcurrently({ origin: portal.origin, readers, keepGoing, path, onAnswer });
    const publisher = await publishing;

    const versions = await db.providerVersion.findMany({
      where: { provider: { slug: provider } },
      select: { number: true, contentHash: true, document: true },
    });
    const byKey = new Map<string, { name: string; revisions: string }>(
      versions.flatMap((v) => {
        const name = (v.document as { name: string }).name;
        const known = { name, revisions: revisionsIn(JSON.stringify(v.document)) };
        return [
          [`page:${v.number}`, known],
          [`api:${v.contentHash}`, known],
        ] as [string, typeof known][];
      }),
    );
    let mixed = 0;
    const mixedExamples: string[] = [];
    // The one kind of mix seen so far: the stamp's name is an older revision's while the heading,
    // the content and the stamp's version number agree.
    let staleStampName = 0;
    const versionsSeen = new Set<string>();
    for (const [key, times] of seen) {
      const observed = JSON.parse(key) as Seen;
      const version = byKey.get(`${observed.kind}:${observed.version}`);
      versionsSeen.add(version ? `${version.name}` : `unknown ${observed.version}`);
      const consistent =
        version !== undefined &&
        observed.name === version.name &&
        (observed.stampName === null || observed.stampName === version.name) &&
        observed.revisions === version.revisions;
      if (!consistent) {
        mixed += times;
        if (
          version &&
          observed.kind === "page" &&
          observed.name === version.name &&
          observed.stampName !== version.name
        )
          staleStampName += times;
        if (mixedExamples.length < 3) mixedExamples.push(`${key} (version holds ${JSON.stringify(version)})`);
      }
    }

    latencies.sort((a, b) => a - b);
    freshLatencies.sort((a, b) => a - b);
    const answers = latencies.length;
    const errors = [...failures.values()].reduce((a, b) => a + b, 0);
    const checked = [...seen.values()].reduce((a, b) => a + b, 0);
    const notes = [
      `${scenario}: ${answers} answers in ${context.seconds} s (${(answers / context.seconds).toFixed(0)}/s); half the provider page, half GET /api/v1/providers/${provider}; one in ten with a query of its own (not from the page cache); of the plain requests, ${cacheHits} of ${answers - freshLatencies.length} were answered from the page cache (a publish makes the kept pages stale, and every reader who arrives before a fresh render is kept renders the page itself). "One version": the API's ETag (content hash), name and every "revision n" in its body belong to one published version; the page's print stamp (name · Version N), <h1> and every "revision n" in its HTML belong to version N.`,
    ];
    if (errors) notes.push(`Reader failures: ${JSON.stringify(Object.fromEntries(failures))}.`);
    if (mixed)
      notes.push(
        `${scenario}: ${mixed} mixed answers, ${staleStampName} of them pages whose print stamp pairs an older name with the new version number (heading and content are the new version's). Cause: every provider page shares one lookup (lib/published/get-published-provider.ts) that reads the provider row (the stamp's name, from the provider layout) and the newest version in two statements outside a transaction; a publish committing between them pairs the old row with the new version (those pages). Examples: ${mixedExamples.join("; ")}.`,
      );
    if (publisher.failures.length) notes.push(`Manager failures: ${publisher.failures.slice(0, 3).join("; ")}.`);
    return {
      rows: [
        atMost(scenario, "failed answers", errors, 0, `${errors} of ${answers}`, "0"),
        {
          scenario,
          measure: "latency p50 / p95 / p99 (p99 of fresh-query requests)",
          result: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} / ${ms(percentile(latencies, 99))} (${ms(percentile(freshLatencies, 99))})`,
          goal: "reported",
          met: null,
        },
        atMost(
          scenario,
          "answers mixing two versions",
          mixed,
          0,
          `${mixed} of ${checked} (${versionsSeen.size} versions seen)`,
          "0",
        ),
        atMost(scenario, "older version after a newer one (per reader)", regressions, 0, String(regressions), "0"),
        atMost(
          scenario,
          "manager: publishes (3 saves each)",
          publisher.failures.length,
          0,
          `${publisher.published} published, ${publisher.failures.length} failed, publish p99 ${ms(percentile(publisher.publishMs, 99))}`,
          "none fails",
        ),
      ],
      notes,
      figures: {
        answers,
        errors,
        failures: Object.fromEntries(failures),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        mixed,
        mixedExamples,
        staleStampName,
        freshP99: percentile(freshLatencies, 99),
        cacheHits,
        regressions,
        versionsSeen: versionsSeen.size,
        published: publisher.published,
        publishP99: percentile(publisher.publishMs, 99),
        managerFailures: publisher.failures,
      },
    };
  } finally {
    await db.$disconnect();
    await stopInstance(portal);
    await databases.drop(database);
  }
}

/**
 * The manager's loop, at an editor's pace made brisk: a save every second, a publish after every
 * third (about one version every 4 s), until `keepGoing` says stop.
 */
async function publishContinuously(db: Database, actor: Actor, keepGoing: () => boolean) {
  const publishMs: number[] = [];
  const failures: string[] = [];
  let published = 0;
  for (let revision = 1; keepGoing(); revision++) {
    try {
      const draft = await getDraft({ db, actor, provider });
      const document = draft.document;
      const marked = (text: string) => `${text.replace(/ \(revision \d+\)$/, "")} (revision ${revision})`;
      const changes: DocumentChange[] = [
        { op: "set", path: ["name"], expected: document.name, value: `DanubeData revision ${revision}` },
        { op: "set", path: ["summary"], expected: document.summary, value: marked(document.summary) },
        {
          op: "set",
          path: ["services", 0, "summary"],
          expected: document.services[0]!.summary,
          value: marked(document.services[0]!.summary),
        },
      ];
      let draftVersion = draft.version;
      for (const change of changes) {
        draftVersion = (await changeDraft({ db, actor, provider, change })).version;
        await sleep(saveIntervalMs);
      }
      const publishing = performance.now();
      await publishDraft({ db, actor, provider, note: `Revision ${revision}`, draftVersion });
      published++;
      publishMs.push(performance.now() - publishing);
    } catch (error) {
      failures.push(messageOf(error));
      await sleep(saveIntervalMs);
    }
  }
  publishMs.sort((a, b) => a - b);
  return { published, publishMs, failures };
}

const revisionsIn = (text: string) =>
  [...new Set([...text.matchAll(/revision (\d+)/g)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b)).join(",");

function readApi(answer: Answer): Seen | null {
  const etag = answer.headers?.get("etag")?.replace(/^"|"$/g, "");
  try {
    const body = JSON.parse(answer.body) as { name?: unknown };
    if (!etag || typeof body.name !== "string") return null;
    return { kind: "api", version: etag, name: body.name, stampName: null, revisions: revisionsIn(answer.body) };
  } catch {
    return null;
  }
}

function readPage(html: string): Seen | null {
  const text = html.replace(/<!-- -->/g, "");
  const stamp = /class="print-stamp[^"]*"><span><span class="font-semibold">([^<]*)<\/span> · Version (\d+) /.exec(
    text,
  );
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(text);
  if (!stamp || !heading) return null;
  return {
    kind: "page",
    version: stamp[2]!,
    name: decode(heading[1]!),
    stampName: decode(stamp[1]!),
    revisions: revisionsIn(text),
  };
}

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
