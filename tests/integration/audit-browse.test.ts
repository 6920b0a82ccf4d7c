import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as exportRoute } from "@/app/audit/export/route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import {
  listAllAuditEntries,
  listAuditEntries,
  listAuditFilterOptions,
  type AuditEntryItem,
  type AuditFilterInput,
} from "@/lib/audit/list-audit-entries";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { problemDto } from "@/lib/validation/api";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";
import { parseCsv } from "../support/parse-csv";
import { collapse, pageTexts, readBack } from "../support/pdf-read";

// The log is shared with every other test file (and append-only), so each entry written here
// carries this file's tag in its actor label and action: filters on it see only these entries.
const db = getDb();
const tag = randomUUID().slice(0, 8);
const act = (name: string) => `browse-${tag}.${name}`;

let admin: UserActor;
let auditor: UserActor;
let manager: UserActor;
let customer: UserActor;
let provider: Awaited<ReturnType<typeof createProvider>>;
let goneProviderId: string;
/** The entries written in beforeAll, newest first (as the log lists them). */
let mine: AuditEntryItem[];

const alice = `alice-${tag}@example.test`;
const bob = `bob-${tag}@example.test`;
const formula = `=HYPERLINK("http://evil.test","x")-${tag}`;

async function write(label: string, action: string, extra: { providerId?: string; after?: object } = {}) {
  await recordAudit({
    tx: db,
    actor: anonymous,
    subject: { id: null, label },
    action: act(action),
    target: { type: "account", id: `target-${randomUUID()}` },
    providerId: extra.providerId ?? null,
    before: null,
    after: extra.after ?? null,
  });
  // Distinct timestamps, so the time-range filters have something to tell apart.
  await new Promise((resolve) => setTimeout(resolve, 15));
}

beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).actor;
  auditor = (await makeUser({ role: "auditor" })).actor;
  provider = await createProvider(makeProviderDocument());
  const gone = await createProvider(makeProviderDocument());
  goneProviderId = gone.id;
  manager = (await makeUser({ role: "account-manager", managedProviderIds: [provider.id] })).actor;
  customer = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;

  await write(alice, "create", { providerId: provider.id, after: { name: "first", list: [1, 2] } });
  await write(bob, "create");
  await write(alice, "update", { providerId: goneProviderId, after: { role: "admin" } });
  await write(bob, "delete", { providerId: provider.id });
  await write(formula, "sign-in", { after: { note: "-1 or =2" } });
  await gone.remove();

  mine = (await listAuditEntries({ db, actor: auditor, filters: { actor: tag } })).entries;
});

afterAll(async () => {
  await provider.remove();
});

async function list(filters: AuditFilterInput, actor: Actor = auditor) {
  return listAuditEntries({ db, actor, filters });
}

const labels = (entries: AuditEntryItem[]) => entries.map((e) => `${e.actorLabel.split("-")[0]} ${e.action}`);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("listAuditEntries", () => {
  test("lists entries newest first, ids as strings, providers resolved (also when deleted)", async () => {
    expect(labels(mine)).toEqual([
      `=HYPERLINK("http://evil.test","x") ${act("sign-in")}`,
      `bob ${act("delete")}`,
      `alice ${act("update")}`,
      `bob ${act("create")}`,
      `alice ${act("create")}`,
    ]);
    for (const entry of mine) {
      expect(entry.id).toMatch(/^[1-9]\d*$/);
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    const ids = mine.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);

    const [, deleted, withGone, , first] = mine;
    expect(first).toMatchObject({
      actorId: null,
      targetType: "account",
      providerId: provider.id,
      provider: { slug: provider.document.slug, name: provider.document.name },
      before: null,
      after: { name: "first", list: [1, 2] },
    });
    expect(deleted!.provider?.slug).toBe(provider.document.slug);
    expect(withGone).toMatchObject({ providerId: goneProviderId, provider: null });
    // JSON-safe: a BigInt anywhere would make this throw.
    expect(() => JSON.stringify(mine)).not.toThrow();
  });

  test("offers every provider and the distinct actions for the filter dropdowns", async () => {
    const page = await list({ actor: tag });
    for (const name of ["create", "update", "delete", "sign-in"]) expect(page.actions).toContain(act(name));
    expect(page.actions.filter((a) => a === act("create"))).toHaveLength(1);
    expect([...page.actions].sort()).toEqual(page.actions);
    expect(page.providers).toContainEqual({ slug: provider.document.slug, name: provider.document.name });
    expect(page.providers.map((p) => p.slug)).toContain("danubedata");
    expect(await listAuditFilterOptions({ db, actor: admin })).toEqual({
      providers: page.providers,
      actions: expect.arrayContaining(page.actions) as string[],
    });
  });

  test("filters by provider slug", async () => {
    const page = await list({ actor: tag, provider: provider.document.slug });
    expect(labels(page.entries)).toEqual([`bob ${act("delete")}`, `alice ${act("create")}`]);
    expect(page.total).toBe(2);
  });

  test("filters by actor: part of the label, any case, LIKE wildcards taken literally", async () => {
    expect(labels((await list({ actor: `ALICE-${tag.toUpperCase()}` })).entries)).toEqual([
      `alice ${act("update")}`,
      `alice ${act("create")}`,
    ]);
    expect((await list({ actor: `%${tag}` })).entries).toEqual([]);
    expect((await list({ actor: `b_b-${tag}` })).entries).toEqual([]);
    expect((await list({ actor: `bob-${tag}` })).total).toBe(2);
  });

  test("filters by exact action or by prefix", async () => {
    expect(labels((await list({ action: act("create") })).entries)).toEqual([
      `bob ${act("create")}`,
      `alice ${act("create")}`,
    ]);
    expect((await list({ action: `browse-${tag}.` })).total).toBe(5);
    // A name without the dot is exact: no action is called just "browse-<tag>".
    expect((await list({ action: `browse-${tag}` })).total).toBe(0);
    expect((await list({ action: act("create"), actor: "bob" })).entries.map((e) => e.actorLabel)).toEqual([bob]);
  });

  test("filters by time: from and to are inclusive, dates cover whole UTC days", async () => {
    const oldestFirst = [...mine].reverse();
    const second = oldestFirst[1]!.at;
    const fourth = oldestFirst[3]!.at;
    expect(labels((await list({ actor: tag, from: second, to: fourth })).entries)).toEqual([
      `bob ${act("delete")}`,
      `alice ${act("update")}`,
      `bob ${act("create")}`,
    ]);
    expect((await list({ actor: tag, from: fourth })).total).toBe(2);
    expect((await list({ actor: tag, to: second })).total).toBe(2);
    // The same instant written with an offset.
    const plusTwo = new Date(Date.parse(fourth) + 2 * 3600_000).toISOString().replace("Z", "+02:00");
    expect((await list({ actor: tag, from: plusTwo })).total).toBe(2);

    const firstDay = oldestFirst[0]!.at.slice(0, 10);
    const lastDay = mine[0]!.at.slice(0, 10);
    expect((await list({ actor: tag, from: firstDay, to: lastDay })).total).toBe(5);
    const tomorrow = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await list({ actor: tag, from: tomorrow })).total).toBe(0);
  });

  test("pages by cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await list({ actor: tag, limit: "2", cursor });
      expect(page.total).toBe(5);
      sizes.push(page.entries.length);
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextCursor) break;
      expect(page.nextCursor).toBe(page.entries.at(-1)!.id);
      cursor = page.nextCursor;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(mine.map((e) => e.id));
    // Exactly a page's worth: no next page.
    expect((await list({ actor: tag, limit: "5" })).nextCursor).toBeNull();
  });

  test("blank form fields mean no filter", async () => {
    const page = await list({ actor: tag, provider: "", action: " ", from: "", to: "", cursor: "", limit: "" });
    expect(page.entries.map((e) => e.id)).toEqual(mine.map((e) => e.id));
  });

  test("bad filters are refused with a message per field", async () => {
    const error = await rejection(
      list({
        from: "2025-02-30",
        to: "next week",
        action: "User Create",
        provider: "Not A Slug",
        cursor: "abc",
        limit: "500",
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.map((f) => f.path).sort()).toEqual([
      "action",
      "cursor",
      "from",
      "limit",
      "provider",
      "to",
    ]);
    expect(error.fieldErrors?.find((f) => f.path === "from")?.message).toMatch(/YYYY-MM-DD/);

    const reversed = await rejection(list({ from: "2025-03-02", to: "2025-03-01" }));
    expect(reversed.fieldErrors).toEqual([{ path: "to", message: "The end must be on or after the start" }]);

    const unknown = await rejection(list({ provider: `no-such-provider-${tag}` }));
    expect(unknown.fieldErrors).toEqual([{ path: "provider", message: "There is no provider with this slug" }]);

    const huge = await rejection(list({ cursor: "9999999999999999999" }));
    expect(huge.fieldErrors?.map((f) => f.path)).toEqual(["cursor"]);
  });

  test("administrators may read the log too", async () => {
    expect((await list({ actor: tag }, admin)).total).toBe(5);
  });

  test.each<[string, () => Actor, string]>([
    ["anonymous", () => anonymous, "UNAUTHORIZED"],
    ["a customer", () => customer, "FORBIDDEN"],
    ["an account manager (even for their provider)", () => manager, "FORBIDDEN"],
  ])("%s may not read it", async (_name, who, code) => {
    expect((await rejection(list({ provider: provider.document.slug }, who()))).code).toBe(code);
    expect((await rejection(listAuditFilterOptions({ db, actor: who() }))).code).toBe(code);
    expect((await rejection(listAllAuditEntries({ db, actor: who(), filters: {} }))).code).toBe(code);
  });
});

describe("listAllAuditEntries", () => {
  test("returns every match, ignoring cursor and limit", async () => {
    const all = await listAllAuditEntries({ db, actor: auditor, filters: { actor: tag, limit: "1", cursor: "1" } });
    expect(all.map((e) => e.id)).toEqual(mine.map((e) => e.id));
  });

  test("refuses more than the cap, saying how many matched", async () => {
    const error = await rejection(listAllAuditEntries({ db, actor: auditor, filters: { actor: tag }, max: 4 }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^5 entries match, more than the 4/);
    expect(await listAllAuditEntries({ db, actor: auditor, filters: { actor: tag }, max: 5 })).toHaveLength(5);
  });
});

const noParams = { params: Promise.resolve({}) };

/** The route as Next.js calls it (callRoute reads JSON; this route answers CSV). */
async function download(query: string) {
  const response = await exportRoute(new Request(`http://localhost/audit/export${query}`), noParams);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    text: await response.text(),
  };
}

describe("GET /audit/export", () => {
  test("an auditor downloads the filtered log as CSV, formulas neutralised", async () => {
    actAs(auditor);
    const { status, contentType, disposition, text } = await download(`?actor=${tag}&cursor=1&limit=1`);
    expect(status).toBe(200);
    expect(contentType).toBe("text/csv; charset=utf-8");
    expect(disposition).toMatch(/^attachment; filename="demarc-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(disposition).toContain(new Date().toISOString().slice(0, 10));

    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      "id",
      "at",
      "actor",
      "action",
      "target type",
      "target id",
      "provider",
      "before",
      "after",
      "description",
    ]);
    expect(rows.map((r) => r[0])).toEqual(mine.map((e) => e.id));
    expect(rows.map((r) => r[1])).toEqual(mine.map((e) => e.at));
    const [injected, , withGone, , first] = rows;
    expect(injected![2]).toBe(`'${formula}`);
    expect(JSON.parse(injected![8]!)).toEqual({ note: "-1 or =2" });
    expect(withGone![6]).toBe(goneProviderId);
    expect(first!.slice(3, 8)).toEqual([act("create"), "account", mine[4]!.targetId, provider.document.slug, ""]);
    expect(JSON.parse(first![8]!)).toEqual({ name: "first", list: [1, 2] });
    // An action the portal has no sentence for is named as it is, never by its target's id.
    expect(first![9]).toBe(`${act("create")} (account)`);
  });

  test("the same filters as the page", async () => {
    actAs(admin);
    const { status, text } = await download(`?actor=${tag}&action=${encodeURIComponent(act("create"))}`);
    expect(status).toBe(200);
    expect(
      parseCsv(text)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual([bob, alice]);
  });

  test("an auditor downloads the filtered log as a PDF: every entry, the filters on the cover, same bytes twice", async () => {
    actAs(auditor);
    const response = await exportRoute(new Request(`http://localhost/audit/export?actor=${tag}&format=pdf`), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/filename="demarc-audit-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const read = readBack(bytes);
    const [cover = ""] = pageTexts(read);
    expect(collapse(cover)).toContain(`Actor: ${tag}`);
    expect(collapse(cover)).toContain(`Entries: ${mine.length} entries`);
    // Narrow columns wrap long words after hyphens and dots: compare without the line breaks.
    const squash = (text: string) => text.replace(/\s+/g, "");
    for (const entry of mine) {
      expect(read.raw).toContain(`#${entry.id}`);
      expect(squash(read.raw)).toContain(squash(entry.action));
      expect(squash(read.raw)).toContain(squash(entry.actorLabel));
    }
    // A formula in an actor label is text in a PDF: nothing to neutralise, nothing lost.
    expect(squash(read.raw)).toContain(squash(formula));
    expect(read.info.Tagged).toBe("yes");
    expect(read.info.CreationDate).toBeTruthy();
    expect(read.layout).toContain(`Page ${read.pages} of ${read.pages}`);
    const again = await exportRoute(new Request(`http://localhost/audit/export?actor=${tag}&format=pdf`), noParams);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test("an unknown format is a 400 problem naming the formats", async () => {
    actAs(auditor);
    const response = await exportRoute(new Request(`http://localhost/audit/export?format=xlsx`), noParams);
    expect(response.status).toBe(400);
    const problem = problemDto.parse(await response.json());
    expect(problem.errors).toEqual([{ path: "format", message: "Use one of csv, pdf" }]);
  });

  test("bad filters are a 400 problem with field errors", async () => {
    actAs(auditor);
    const response = await exportRoute(
      new Request("http://localhost/audit/export?from=2025-13-01&to=2025-01-01"),
      noParams,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = problemDto.parse(await response.json());
    expect(problem.errors?.map((e) => e.path)).toEqual(["from"]);
  });

  test.each<[string, number, () => Actor]>([
    ["anonymous", 401, () => anonymous],
    ["a customer", 404, () => customer],
    ["an account manager", 404, () => manager],
  ])("%s is refused (%i, problem+json, no CSV)", async (_name, status, who) => {
    actAs(who());
    const response = await exportRoute(new Request(`http://localhost/audit/export?actor=${tag}`), noParams);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = await response.text();
    expect(body).not.toContain(tag);
    expect(problemDto.parse(JSON.parse(body)).status).toBe(status);
  });
});
