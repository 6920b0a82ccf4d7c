import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { epochQuery, type Epoch } from "@/lib/page-cache/content-epoch";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { createProvider } from "../support/app-db";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

const epoch = async () =>
  (await getDb().$queryRaw<{ value: bigint }[]>`SELECT "value" FROM "ContentEpoch" WHERE "id" = 1`)[0]!.value;

describe("content epoch", () => {
  test("rises with every publish and every removal", async () => {
    const db = getDb();
    const before = await epoch();
    const created = await createProvider(makeProviderDocument());
    const afterCreate = await epoch();
    expect(afterCreate).toBeGreaterThan(before);

    const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
    const slug = created.document.slug;
    const draft = await getDraft({ db, actor: manager, provider: slug });
    const step = await changeDraft({
      db,
      actor: manager,
      provider: slug,
      change: {
        op: "set",
        path: ["summary"],
        expected: draft.document.summary,
        value: "A summary for the next version.",
      },
    });
    expect(await getDraft({ db, actor: manager, provider: slug })).toMatchObject({ version: step.version });

    const beforePublish = await epoch();
    await publishDraft({ db, actor: manager, provider: slug, note: "Summary", draftVersion: step.version });
    expect(await epoch()).toBeGreaterThan(beforePublish);

    const beforeRemoval = await epoch();
    await created.remove();
    expect(await epoch()).toBeGreaterThan(beforeRemoval);
  });

  test("drafts, settings and rate limits are not content", async () => {
    const db = getDb();
    const created = await createProvider(makeProviderDocument());
    // Triggers fire per statement, so a write to a non-content table is checked inside one
    // transaction: nothing else can raise the epoch between the two readings.
    const [first, second] = await db.$transaction(async (tx) => {
      const read = async () =>
        (await tx.$queryRaw<{ value: bigint }[]>`SELECT "value" FROM "ContentEpoch" WHERE "id" = 1`)[0]!.value;
      const start = await read();
      await tx.appSetting.upsert({
        where: { key: "test.content-epoch" },
        create: { key: "test.content-epoch", value: "1" },
        update: { value: "2" },
      });
      await tx.rateLimitBucket.deleteMany({ where: { key: "test.content-epoch" } });
      await tx.providerDraft.upsert({
        where: { providerId: created.id },
        create: { providerId: created.id, document: {} },
        update: { version: { increment: 1 } },
      });
      return [start, await read()];
    });
    expect(second).toBe(first);
    await db.appSetting.delete({ where: { key: "test.content-epoch" } });
    await created.remove();
  });

  test("the snapshot signed-in pages are kept under changes with any committed write", async () => {
    const db = getDb();
    const read = async () => (await db.$queryRawUnsafe<Epoch[]>(epochQuery))[0]!;
    const before = await read();
    expect(before.snapshot).toMatch(/^\d+:\d+:[\d,]*$/);
    await db.appSetting.upsert({
      where: { key: "test.snapshot" },
      create: { key: "test.snapshot", value: "1" },
      update: { value: String(Date.now()) },
    });
    const after = await read();
    expect(after.snapshot).not.toBe(before.snapshot);
    await db.appSetting.delete({ where: { key: "test.snapshot" } });
  });
});
