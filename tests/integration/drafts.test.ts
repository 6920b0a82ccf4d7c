import { describe, expect, test } from "vitest";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { changeDraft } from "@/lib/drafts/change-draft";
import { discardDraft } from "@/lib/drafts/discard-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { revertDraft } from "@/lib/drafts/revert-draft";
import { getService } from "@/lib/providers/get-service";
import { createProvider } from "../support/app-db";
import { makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { refusal } from "../support/refusal";

async function providerWithAreas(count: number, options: { isPrivate?: boolean } = {}) {
  const doc = makeProviderDocument({ isPrivate: options.isPrivate });
  doc.services[0]!.areas = Array.from({ length: count }, (_, i) =>
    makeArea(`Area ${i}`, { provider: [`Provider duty ${i}`], customer: [`Customer duty ${i}`] }),
  );
  const created = await createProvider(doc, { note: "v1" });
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  return { ...created, manager, areaPath: (i: number) => ["services", 0, "areas", i] as (string | number)[] };
}

/** The customer's duties on a row (cells are in party order: provider, then customer). */
function customerDuties(
  area: { cells: readonly { party: string; duties: readonly { text: string }[] }[] } | undefined,
) {
  return area?.cells.find((c) => c.party === "customer")?.duties.map((d) => d.text);
}

describe("drafts", () => {
  test("edits go to the draft; readers keep seeing the published model; every change is audited", async () => {
    const p = await providerWithAreas(2);
    const slug = p.document.slug;
    const service = p.document.services[0]!.slug;
    // Changing the assignment changes who carries it: the editor sends the row with both.
    const seen = (await getDraft({ db: getDb(), actor: p.manager, provider: slug })).document.services[0]!.areas[0]!;
    const edited = { ...seen, assignment: "provider" as const, parties: ["provider"] };
    const { version } = await changeDraft({
      db: getDb(),
      actor: p.manager,
      provider: slug,
      change: { op: "set", path: p.areaPath(0), expected: seen, value: edited },
    });
    expect(version).toBe(1);
    expect((await getDraft({ db: getDb(), actor: p.manager, provider: slug })).document.services[0]!.areas[0]).toEqual(
      edited,
    );
    const published = await getService({ actor: anonymous, provider: slug, service });
    expect(published?.areas[0]?.assignment).toBe("shared");
    const entries = await getDb().auditEntry.findMany({ where: { providerId: p.id, action: "draft.set" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: p.manager.id,
      before: { value: { assignment: "shared" }, draftVersion: 0 },
      after: { value: { assignment: "provider", parties: ["provider"] }, draftVersion: 1 },
    });
  });

  test("a stale save is refused with the other editor's value, and nothing is overwritten", async () => {
    const p = await providerWithAreas(2);
    const other = (await makeUser({ role: "admin" })).actor;
    const seen = (await getDraft({ db: getDb(), actor: p.manager, provider: p.document.slug })).document.services[0]!
      .areas[1]!;
    await changeDraft({
      db: getDb(),
      actor: other,
      provider: p.document.slug,
      change: { op: "set", path: p.areaPath(1), expected: seen, value: { ...seen, notes: "Admin's note" } },
    });
    const error = await refusal(
      changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.document.slug,
        change: { op: "set", path: p.areaPath(1), expected: seen, value: { ...seen, notes: "Manager's note" } },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.current).toMatchObject({ notes: "Admin's note" });
    const draft = await getDraft({ db: getDb(), actor: p.manager, provider: p.document.slug });
    expect(draft.document.services[0]!.areas[1]!.notes).toBe("Admin's note");
    expect(draft.version).toBe(1);
  });

  test("a race of many parallel saves loses no update", async () => {
    const count = 16;
    const p = await providerWithAreas(count);
    const start = (await getDraft({ db: getDb(), actor: p.manager, provider: p.document.slug })).document;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        changeDraft({
          db: getDb(),
          actor: p.manager,
          provider: p.document.slug,
          change: {
            op: "set",
            path: [...p.areaPath(i), "cells", 1, "duties"],
            expected: start.services[0]!.areas[i]!.cells[1]!.duties,
            value: [{ text: `Customer duty ${i}` }, { text: `Added in parallel ${i}`, strength: "should" }],
          },
        }),
      ),
    );
    const draft = await getDraft({ db: getDb(), actor: p.manager, provider: p.document.slug });
    expect(draft.version).toBe(count);
    expect(draft.document.services[0]!.areas.map((a) => a.cells[1]!.duties[1])).toEqual(
      Array.from({ length: count }, (_, i) => ({ text: `Added in parallel ${i}`, strength: "should" })),
    );
    expect(draft.document.services[0]!.areas.map(customerDuties)).toEqual(
      Array.from({ length: count }, (_, i) => [`Customer duty ${i}`, `Added in parallel ${i}`]),
    );
  }, 60_000);

  test("invalid values are refused per field, and the slug cannot change", async () => {
    const p = await providerWithAreas(1);
    const error = await refusal(
      changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.document.slug,
        change: { op: "set", path: [...p.areaPath(0), "assignment"], expected: "shared", value: "everyone" },
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual([{ path: "assignment", message: expect.stringMatching(/^Choose one of/) }]);
    const slug = await refusal(
      changeDraft({
        db: getDb(),
        actor: p.manager,
        provider: p.document.slug,
        change: { op: "set", path: ["slug"], expected: p.document.slug, value: "renamed" },
      }),
    );
    expect(slug.message).toMatch(/slug cannot be changed/);
    expect((await getDraft({ db: getDb(), actor: p.manager, provider: p.document.slug })).version).toBe(0);
  });

  test("only those allowed may edit: hidden providers are not found, visible ones are not allowed", async () => {
    const hidden = await providerWithAreas(1, { isPrivate: true });
    const visible = await providerWithAreas(1);
    const otherManager = (await makeUser({ role: "account-manager", managedProviderIds: [visible.id] })).actor;
    const auditor = (await makeUser({ role: "auditor" })).actor;
    const attempt = (actor: typeof auditor | typeof anonymous, slug: string) =>
      refusal(
        changeDraft({
          db: getDb(),
          actor,
          provider: slug,
          change: { op: "set", path: ["name"], expected: undefined, value: "Hijacked" },
        }),
      );
    expect((await attempt(otherManager, hidden.document.slug)).code).toBe("NOT_FOUND");
    expect((await attempt(hidden.manager, visible.document.slug)).code).toBe("FORBIDDEN");
    expect((await attempt(auditor, visible.document.slug)).code).toBe("FORBIDDEN");
    expect((await attempt(anonymous, visible.document.slug)).code).toBe("UNAUTHORIZED");
    expect(await getDb().providerDraft.count({ where: { providerId: { in: [hidden.id, visible.id] } } })).toBe(0);
  });

  test("discard returns to the published model; revert starts a draft from a version", async () => {
    const p = await providerWithAreas(2);
    const db = getDb();
    await changeDraft({
      db,
      actor: p.manager,
      provider: p.document.slug,
      change: {
        op: "remove",
        path: p.areaPath(0),
        expected: (await getDraft({ db, actor: p.manager, provider: p.document.slug })).document.services[0]!.areas[0],
      },
    });
    await discardDraft({ db, actor: p.manager, provider: p.document.slug });
    expect(await getDraft({ db, actor: p.manager, provider: p.document.slug })).toMatchObject({
      version: 0,
      changed: false,
    });
    expect((await refusal(discardDraft({ db, actor: p.manager, provider: p.document.slug }))).message).toMatch(
      /no unpublished/,
    );

    await changeDraft({
      db,
      actor: p.manager,
      provider: p.document.slug,
      change: { op: "set", path: ["name"], expected: p.document.name, value: "Renamed" },
    });
    await revertDraft({ db, actor: p.manager, provider: p.document.slug, versionNumber: 1 });
    const draft = await getDraft({ db, actor: p.manager, provider: p.document.slug });
    expect(draft.document.name).toBe(p.document.name);
    expect(draft.changed).toBe(true);
    expect(
      (await refusal(revertDraft({ db, actor: p.manager, provider: p.document.slug, versionNumber: 9 }))).code,
    ).toBe("NOT_FOUND");
  });
});

describe("publishing", () => {
  test("publishes the reviewed draft as the next version; readers see it; subscriptions survive", async () => {
    const { publishDraft } = await import("@/lib/drafts/publish-draft");
    const { listVersions } = await import("@/lib/versions/list-versions");
    const { getVersionDocuments } = await import("@/lib/versions/version-history");
    const { contentHash } = await import("@/lib/versions/content-hash");
    const p = await providerWithAreas(2);
    const db = getDb();
    const slug = p.document.slug;
    const serviceSlug = p.document.services[0]!.slug;
    const serviceId = (await db.service.findFirstOrThrow({ where: { providerId: p.id } })).id;
    const org = await db.organization.create({
      data: { slug: `pub-${p.id.slice(0, 8)}`, name: "Pub", subscriptions: { create: [{ serviceId }] } },
    });

    const seen = (await getDraft({ db, actor: p.manager, provider: slug })).document.services[0]!.areas[1]!;
    const { version: draftVersion } = await changeDraft({
      db,
      actor: p.manager,
      provider: slug,
      change: {
        op: "set",
        path: [...p.areaPath(1), "cells", 1, "duties"],
        expected: seen.cells[1]!.duties,
        value: [{ text: "Rotate keys" }],
      },
    });
    expect(
      (await refusal(publishDraft({ db, actor: p.manager, provider: slug, note: " ", draftVersion }))).fieldErrors,
    ).toEqual([{ path: "note", message: "Say what changed: readers see this note" }]);
    expect(
      (
        await refusal(
          publishDraft({ db, actor: p.manager, provider: slug, note: "Keys", draftVersion: draftVersion - 1 }),
        )
      ).code,
    ).toBe("CONFLICT");

    const published = await publishDraft({
      db,
      actor: p.manager,
      provider: slug,
      note: "Customers rotate keys",
      draftVersion,
    });
    expect(published.number).toBe(2);
    const reader = await getService({ actor: anonymous, provider: slug, service: serviceSlug });
    expect(reader?.areas[1]?.cells.find((c) => c.party === "customer")?.duties).toEqual([
      { text: "Rotate keys", strength: "must" },
    ]);
    expect(await db.subscription.count({ where: { organizationId: org.id, serviceId } })).toBe(1);
    expect(await db.providerDraft.count({ where: { providerId: p.id } })).toBe(0);

    const versions = await listVersions({ db, actor: anonymous, provider: slug });
    expect(versions?.versions.map((v) => [v.number, v.note])).toEqual([
      [2, "Customers rotate keys"],
      [1, "v1"],
    ]);
    const documents = (await getVersionDocuments({ db, actor: anonymous, provider: slug, numbers: [1, 2] }))!.documents;
    const [v1, v2] = [documents.get(1), documents.get(2)];
    expect(v2?.contentHash).toBe(contentHash(v2?.document));
    expect(customerDuties(v2?.document.services[0]!.areas[1])).toEqual(["Rotate keys"]);
    expect(customerDuties(v1?.document.services[0]!.areas[1])).toEqual(["Customer duty 1"]);

    // Versions are immutable in the database too.
    await expect(
      db.$executeRawUnsafe(`UPDATE "ProviderVersion" SET note = 'x' WHERE "providerId" = '${p.id}'`),
    ).rejects.toThrow(/immutable/);
    expect(await db.auditEntry.count({ where: { providerId: p.id, action: "provider.publish" } })).toBe(1);
  });

  test("publishing is refused while the lint panel shows errors", async () => {
    const { publishDraft } = await import("@/lib/drafts/publish-draft");
    const p = await providerWithAreas(2);
    const db = getDb();
    const draft = await getDraft({ db, actor: p.manager, provider: p.document.slug });
    const first = draft.document.services[0]!.areas[0]!;
    const { version } = await changeDraft({
      db,
      actor: p.manager,
      provider: p.document.slug,
      change: { op: "set", path: [...p.areaPath(1), "name"], expected: "Area 1", value: first.name },
    });
    const error = await refusal(
      publishDraft({ db, actor: p.manager, provider: p.document.slug, note: "Dup", draftVersion: version }),
    );
    expect(error.message).toMatch(/lint error/);
    expect(
      (await getService({ actor: anonymous, provider: p.document.slug, service: p.document.services[0]!.slug }))
        ?.areas[1]?.name,
    ).toBe("Area 1");
  });
});

test("every draft operation writes exactly one audit entry with before/after; refused ones write none", async () => {
  const p = await providerWithAreas(3);
  const db = getDb();
  const slug = p.document.slug;
  const entries = () => db.auditEntry.findMany({ where: { providerId: p.id }, orderBy: { id: "asc" } });
  const area = (i: number) =>
    getDraft({ db, actor: p.manager, provider: slug }).then((d) => d.document.services[0]!.areas[i]!);
  const newArea = makeArea("Area new", { customer: ["Do it"] });

  await changeDraft({
    db,
    actor: p.manager,
    provider: slug,
    change: { op: "insert", path: p.areaPath(3), value: newArea },
  });
  await changeDraft({
    db,
    actor: p.manager,
    provider: slug,
    change: { op: "move", path: p.areaPath(3), to: 0, expected: await area(3) },
  });
  await changeDraft({
    db,
    actor: p.manager,
    provider: slug,
    change: { op: "remove", path: p.areaPath(0), expected: await area(0) },
  });
  await refusal(
    changeDraft({
      db,
      actor: p.manager,
      provider: slug,
      change: { op: "remove", path: p.areaPath(0), expected: newArea },
    }),
  );
  await revertDraft({ db, actor: p.manager, provider: slug, versionNumber: 1 });
  await discardDraft({ db, actor: p.manager, provider: slug });
  await refusal(discardDraft({ db, actor: p.manager, provider: slug }));

  const log = await entries();
  expect(log.map((e) => e.action)).toEqual([
    "draft.insert",
    "draft.move",
    "draft.remove",
    "draft.revert",
    "draft.discard",
  ]);
  expect(log.every((e) => e.actorId === p.manager.id && e.targetId === p.id)).toBe(true);
  expect(log[0]).toMatchObject({
    before: { value: null, draftVersion: 0 },
    after: { value: { name: "Area new" }, draftVersion: 1 },
  });
  expect(log[1]).toMatchObject({ before: { value: { index: 3 } }, after: { value: { index: 0 } } });
  expect(log[2]).toMatchObject({ before: { value: { name: "Area new" } }, after: { value: null, draftVersion: 3 } });
  expect(log[3]).toMatchObject({ before: { draftVersion: 3 }, after: { draftVersion: 4, fromVersion: 1 } });
  expect(log[4]).toMatchObject({ before: { draftVersion: 4 } });
});
