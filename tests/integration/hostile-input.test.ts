// The findings of the security review, each against a real database: a change path that reaches a
// prototype, and links that are not web addresses (editor, JSON import, values stored earlier).
import { describe, expect, test } from "vitest";
import { POST as authRoute } from "@/app/api/auth/[...nextauth]/route";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { GET as providerRoute } from "@/app/api/v1/providers/[provider]/route";
import { getDb } from "@/lib/db";
import { recordVersion } from "@/lib/versions/record-version";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { importProviderDocument } from "@/lib/drafts/import-provider-document";
import { providerDetailDto } from "@/lib/validation/api";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { refusal } from "../support/refusal";

async function managedProvider() {
  const provider = await createProvider(makeProviderDocument());
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [provider.id] })).actor;
  return { ...provider, manager, slug: provider.document.slug };
}

const draftVersion = async (providerId: string) =>
  (await getDb().providerDraft.findUnique({ where: { providerId } }))?.version ?? null;

describe("a change path that names a prototype", () => {
  test("the reported one-request attack is refused with a field error; nothing is saved or audited", async () => {
    const p = await managedProvider();
    const error = await refusal(
      changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.slug,
        change: { op: "set", path: ["__proto__", "x"], value: "y" },
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual([
      { path: "path", message: '"__proto__" is not a field of a provider document.' },
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(await draftVersion(p.id)).toBeNull();
    expect(await getDb().auditEntry.count({ where: { providerId: p.id } })).toBe(0);
    // The portal keeps answering: the next read parses through the same schemas.
    const { status } = await callRoute(providerRoute, `/api/v1/providers/${p.slug}`, { provider: p.slug });
    expect(status).toBe(200);
  });
});

describe("links are web addresses", () => {
  test.each([
    ["a javascript: source URL", ["source", "url"], "javascript:alert(document.cookie)", "source.url"],
    ["a data: source URL", ["source", "url"], "data:text/html,<script>alert(1)</script>", "source.url"],
  ])("the editor refuses %s with a field error", async (_, path, value, field) => {
    const p = await managedProvider();
    const error = await refusal(
      changeDraft({ db: getDb(), actor: p.manager, provider: p.slug, change: { op: "set", path, value } }),
    );
    expect(error.fieldErrors).toEqual([
      { path: field.split(".").at(-1), message: "Use a web address that starts with https:// or http://" },
    ]);
    expect(await draftVersion(p.id)).toBeNull();
  });

  test("the editor refuses a javascript: contact link and accepts https: and mailto:", async () => {
    const p = await managedProvider();
    const contact = (value: string) => ({ kind: "url", label: "Trust center", value });
    const error = await refusal(
      changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.slug,
        change: { op: "insert", path: ["contacts", 0], value: contact("JavaScript:alert(1)") },
      }),
    );
    expect(error.fieldErrors).toEqual([
      { path: "value", message: "Use a link that starts with https://, http:// or mailto:" },
    ]);
    for (const [index, value] of ["https://trust.example/", "mailto:security@example.com"].entries())
      await changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.slug,
        change: { op: "insert", path: ["contacts", index], value: contact(value) },
      });
    const draft = await getDraft({ db: getDb(), actor: p.manager, provider: p.slug });
    expect(draft.document.contacts.map((c) => c.value)).toEqual([
      "https://trust.example/",
      "mailto:security@example.com",
    ]);
  });

  test("a JSON import with a javascript: link changes nothing and names the field", async () => {
    const admin = (await makeUser({ role: "admin" })).actor;
    const document = makeProviderDocument({
      source: { title: "T", document: "d", url: "javascript:alert(1)" },
      contacts: [{ kind: "url", label: "Portal", value: "vbscript:msgbox(1)" }],
    });
    const error = await refusal(
      importProviderDocument({ db: getDb(), actor: admin, json: JSON.stringify(document), target: { kind: "new" } }),
    );
    expect(error.fieldErrors).toEqual([
      { path: "source.url", message: "Use a web address that starts with https:// or http://" },
      { path: "contacts.0.value", message: "Use a link that starts with https://, http:// or mailto:" },
    ]);
    expect(await getDb().provider.count({ where: { slug: document.slug } })).toBe(0);
  });

  test("links stored before the rule never leave through the API or the export, and the migration's view lists them", async () => {
    const p = await createProvider(
      makeProviderDocument({
        source: { title: "T", document: "d", url: "https://ok.example/" },
        contacts: [{ kind: "url", label: "Portal", value: "https://ok.example/portal" }],
      }),
    );
    const db = getDb();
    // As an older portal could have stored them: in the published tables and in a published version.
    await db.provider.update({ where: { id: p.id }, data: { sourceUrl: "javascript:alert(1)" } });
    await db.contactChannel.updateMany({ where: { providerId: p.id }, data: { value: "javascript:alert(2)" } });
    const unsafe = {
      ...p.document,
      source: { ...p.document.source, url: "javascript:alert(1)" },
      contacts: [{ ...p.document.contacts[0]!, value: "javascript:alert(2)" }],
    };
    await db.$transaction((tx) =>
      recordVersion({
        tx,
        actor: { kind: "system", command: "test" },
        providerId: p.id,
        document: unsafe,
        note: "Old",
      }),
    );

    const { body } = await callRoute(providerRoute, `/api/v1/providers/${p.document.slug}`, {
      provider: p.document.slug,
    });
    const detail = providerDetailDto.parse(body);
    expect(detail.source.url).toBeNull();
    expect(detail.contacts).toEqual([{ kind: "other", label: "Portal", value: "javascript:alert(2)", purpose: null }]);

    const exported = await callRoute(exportRoute, `/api/v1/providers/${p.document.slug}/export`, {
      provider: p.document.slug,
    });
    expect(exported.status).toBe(200);
    const document = providerDocumentSchema.parse(exported.body);
    expect(document.source.url).toBeUndefined();
    expect(document.contacts[0]).toMatchObject({ kind: "other", value: "javascript:alert(2)" });
    expect(JSON.stringify(exported.body)).not.toMatch(/"url":"javascript:/);

    const listed = await db.$queryRaw<{ place: string; provider: string; value: string }[]>`
      SELECT "place", "provider", "value" FROM "UnsafeStoredLink" WHERE "provider" = ${p.document.slug} ORDER BY "place"`;
    expect(listed).toEqual([
      { place: 'published contact "Portal"', provider: p.document.slug, value: "javascript:alert(2)" },
      { place: "published source URL", provider: p.document.slug, value: "javascript:alert(1)" },
      { place: 'version 2 contact "Portal"', provider: p.document.slug, value: "javascript:alert(2)" },
      { place: "version 2 source URL", provider: p.document.slug, value: "javascript:alert(1)" },
    ]);
  });
});

describe("sign-in requests with a body that is not a JSON object", () => {
  test.each(["{bad", "null", "[1,2]", '"text"', ""])("%j is a 400 problem, not a 500", async (body) => {
    const response = await authRoute(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    const answer = {
      status: response.status,
      contentType: response.headers.get("content-type"),
      body: (await response.json()) as unknown,
    };
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: 400, detail: "The request body must be a JSON object." });
  });
});
