// "New provider": the form's action checks every field, starts the provider as an unpublished draft
// its creator manages, and publishing the draft shows it to readers.
import { randomUUID } from "node:crypto";
import { describe, expect, test, vi } from "vitest";
import { createProviderAction } from "@/lib/actions/providers";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { getProvider } from "@/lib/providers/get-provider";
import { actAs } from "../support/actor";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const db = () => getDb();

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = (slug: string) => ({
  name: `Stratus ${slug}`,
  slug,
  summary: "Managed Kubernetes on a public cloud.",
  brandColor: "#0f766e",
  sourceTitle: "Stratus shared responsibility",
  sourceDocument: "stratus-srm.pdf",
  sourceUrl: "",
  customerName: "Tenant",
  thirdParties: "hyperscaler: Public cloud\nAuditor firm",
});

describe("createProviderAction", () => {
  test("field errors come back per field and nothing is created", async () => {
    actAs((await makeUser({ role: "account-manager" })).actor);
    const slug = `stratus-${randomUUID().slice(0, 8)}`;
    const state = await createProviderAction(
      { status: "idle" },
      form({ ...valid(slug), name: "", brandColor: "teal", sourceUrl: "javascript:alert(1)", summary: " " }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        name: expect.any(String),
        brandColor: "Use a hex colour such as #1d4ed8",
        sourceUrl: expect.stringMatching(/http/),
        summary: "Required",
      },
    });
    const reserved = await createProviderAction({ status: "idle" }, form({ ...valid("new"), slug: "new" }));
    expect(reserved).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringMatching(/taken/) } });
    expect(await db().provider.count({ where: { slug: { in: [slug, "new"] } } })).toBe(0);
  });

  test("a customer or an auditor may not start a provider", async () => {
    for (const role of ["customer", "auditor"] as const) {
      actAs((await makeUser({ role })).actor);
      const slug = `stratus-${randomUUID().slice(0, 8)}`;
      expect(await createProviderAction({ status: "idle" }, form(valid(slug)))).toMatchObject({
        status: "error",
        message: "Your account is not allowed to do this.",
      });
      expect(await db().provider.count({ where: { slug } })).toBe(0);
    }
  });

  test("an account manager starts a draft with its parties, manages it, and publishing shows it", async () => {
    const manager = (await makeUser({ role: "account-manager" })).actor;
    actAs(manager);
    const slug = `stratus-${randomUUID().slice(0, 8)}`;
    await expect(createProviderAction({ status: "idle" }, form(valid(slug)))).rejects.toMatchObject({
      digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;.*/providers/${slug}/edit`)),
    });
    const row = await db().provider.findUniqueOrThrow({ where: { slug }, include: { managers: true } });
    expect(row.publishedAt).toBeNull();
    expect(row.managers.map((m) => m.userId)).toEqual([manager.id]);
    const managing = { ...manager, managedProviderIds: [row.id] };
    const draft = await getDraft({ db: db(), actor: managing, provider: slug });
    expect(draft.document.parties).toEqual([
      { key: "provider", name: `Stratus ${slug}`, role: "provider" },
      { key: "customer", name: "Tenant", role: "customer" },
      { key: "hyperscaler", name: "Public cloud", role: "third-party" },
      { key: "auditor-firm", name: "Auditor firm", role: "third-party" },
    ]);
    expect(await getProvider({ actor: anonymous, slug })).toBeNull();

    // The taken slug is refused for the next provider.
    const again = await createProviderAction({ status: "idle" }, form(valid(slug)));
    expect(again).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringMatching(/Taken/) } });

    await changeDraft({
      db: db(),
      actor: managing,
      provider: slug,
      change: { op: "insert", path: ["services", 0], value: makeProviderDocument().services[0] },
    });
    const changed = await getDraft({ db: db(), actor: managing, provider: slug });
    await publishDraft({ db: db(), actor: managing, provider: slug, note: "First", draftVersion: changed.version });
    expect((await getProvider({ actor: anonymous, slug }))?.name).toBe(`Stratus ${slug}`);
    expect((await db().provider.findUniqueOrThrow({ where: { slug } })).publishedAt).toBeInstanceOf(Date);
  });
});
