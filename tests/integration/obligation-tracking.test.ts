// Tracking a system's obligations against the real database: compare-and-set saves that conflict
// loudly, field-level refusals that change nothing, history from the audit log, and records that
// survive a provider publishing new versions (kept, flagged for review, open, or retired).
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { trackingProgress } from "@/lib/model/obligation-tracking";
import { getObligations } from "@/lib/obligations/get-obligations";
import { deleteSystem } from "@/lib/systems/delete-system";
import { getObligation } from "@/lib/systems/get-obligation";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { listSystems } from "@/lib/systems/list-systems";
import { saveObligation } from "@/lib/systems/save-obligation";
import { saveSystem } from "@/lib/systems/save-system";
import { SUBSCRIBED_SERVICES } from "@/lib/systems/subscribed-services";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea } from "../factories/provider-document";
import { refusal } from "../support/refusal";
import { trackedSystem } from "../support/tracked-system";

const implemented = { status: "implemented", evidenceLinks: ["https://evidence.example/backups"], notes: "KMS keys" };

describe("tracking a system's obligations", () => {
  test("starts open; a save names the version it was opened at, and a stale or concurrent one conflicts", async () => {
    const { actor, slug, tracking, keyOf } = await trackedSystem();
    const first = await tracking();
    expect(first.tracked!.obligations.map((o) => [o.text, o.status])).toEqual([
      ["Encrypt backups", "open"],
      ["Test restores", "open"],
      ["Review access quarterly", "open"],
    ]);
    const key = await keyOf("Encrypt backups");
    expect(
      await saveObligation({ actor, system: slug, obligation: key, expectedVersion: 0, input: implemented }),
    ).toEqual(expect.objectContaining({ version: 1 }));
    const stale = await refusal(
      saveObligation({
        actor,
        system: slug,
        obligation: key,
        expectedVersion: 0,
        input: { ...implemented, status: "open" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/Someone else saved this obligation/);

    const racing = await Promise.allSettled(
      ["planned", "in-progress"].map((status) =>
        saveObligation({
          actor,
          system: slug,
          obligation: key,
          expectedVersion: 1,
          input: { status, evidenceLinks: [] },
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = racing.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT" });

    const view = await getObligation({ actor, system: slug, obligation: key });
    expect(view.obligation.record!.version).toBe(2);
    expect(view.history.map((h) => h.after.status)).toEqual([view.obligation.status, "implemented"]);
    expect(view.history[1]!.after).toMatchObject({
      evidenceLinks: ["https://evidence.example/backups"],
      notes: "KMS keys",
    });
    expect(trackingProgress(view.tracked!.obligations, view.today)).toMatchObject({ total: 3, settled: 0 });
  });

  test("refuses incomplete or foreign input field by field, changing nothing", async () => {
    const { actor, slug, tracking, keyOf } = await trackedSystem();
    const key = await keyOf("Test restores");
    const save = (input: Record<string, unknown>) =>
      refusal(
        saveObligation({
          actor,
          system: slug,
          obligation: key,
          expectedVersion: 0,
          input: { evidenceLinks: [], ...input },
        }),
      );

    expect((await save({ status: "not-applicable" })).fieldErrors).toEqual([
      { path: "reason", message: "Say why (required for this status)" },
    ]);
    expect((await save({ status: "risk-accepted", reason: "Budget" })).fieldErrors).toEqual([
      { path: "approver", message: "Name who accepted the risk" },
    ]);
    expect(
      (await save({ status: "implemented", evidenceLinks: ["https://ok.example", "javascript:alert(1)"] })).fieldErrors,
    ).toEqual([{ path: "evidenceLinks", message: "Link 2: Use a web address that starts with https:// or http://" }]);
    expect((await save({ status: "planned", dueDate: "2027-02-30" })).fieldErrors).toEqual([
      { path: "dueDate", message: "No such date" },
    ]);
    const stranger = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
    expect((await save({ status: "planned", ownerId: stranger.actor.id })).fieldErrors).toEqual([
      { path: "ownerId", message: "Choose an active member of your organization" },
    ]);
    expect((await tracking()).tracked!.obligations.every((o) => o.record === null)).toBe(true);

    const accepted = await saveObligation({
      actor,
      system: slug,
      obligation: key,
      expectedVersion: 0,
      input: {
        status: "risk-accepted",
        reason: "Restores are rehearsed by the DR vendor",
        approver: "CISO",
        ownerId: actor.id,
        dueDate: "2027-01-31",
        evidenceLinks: [],
      },
    });
    const record = (await tracking()).tracked!.obligations.find((o) => o.key === key)!.record!;
    expect(record).toMatchObject({
      id: accepted.id,
      status: "risk-accepted",
      approver: "CISO",
      ownerId: actor.id,
      dueDate: "2027-01-31",
    });

    // An owner who leaves stays on the record through later saves; a former member is not chosen anew.
    const colleague = await makeUser({ role: "customer", organizationId: actor.organizationId! });
    const other = await keyOf("Encrypt backups");
    const owned = await saveObligation({
      actor,
      system: slug,
      obligation: other,
      expectedVersion: 0,
      input: { status: "planned", ownerId: colleague.actor.id, evidenceLinks: [] },
    });
    await getDb().user.update({ where: { id: colleague.actor.id }, data: { active: false } });
    const kept = { status: "in-progress", ownerId: colleague.actor.id, evidenceLinks: [] };
    await saveObligation({ actor, system: slug, obligation: other, expectedVersion: owned.version, input: kept });
    expect((await save({ status: "planned", ownerId: colleague.actor.id })).fieldErrors).toEqual([
      { path: "ownerId", message: "Choose an active member of your organization" },
    ]);
    const stale = saveObligation({ actor, system: slug, obligation: other, expectedVersion: Number.NaN, input: kept });
    expect((await refusal(stale)).message).toMatch(/reload the page/);
  });

  test("another organization's customer, an auditor and an account manager: not found, read-only, not found", async () => {
    const { organization, slug, keyOf } = await trackedSystem();
    const key = await keyOf("Encrypt backups");
    const other = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
    expect((await refusal(getSystemTracking({ actor: other.actor, system: slug }))).code).toBe("NOT_FOUND");
    const auditor = await makeUser({ role: "auditor" });
    const read = await getSystemTracking({ actor: auditor.actor, organization: organization.slug, system: slug });
    expect(read.tracked!.obligations).toHaveLength(3);
    expect(
      (
        await refusal(
          saveObligation({
            actor: auditor.actor,
            system: slug,
            obligation: key,
            expectedVersion: 0,
            input: implemented,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const manager = await makeUser({ role: "account-manager" });
    expect(
      (await refusal(getSystemTracking({ actor: manager.actor, organization: organization.slug, system: slug }))).code,
    ).toBe("NOT_FOUND");
    expect(
      await getDb().trackedObligation.count({ where: { system: { slug, organizationId: organization.id } } }),
    ).toBe(0);
  });

  test("survives new provider versions: unchanged keeps its status, reworded is flagged, new is open, removed is kept", async () => {
    const { actor, slug, publish, tracking, keyOf } = await trackedSystem();
    for (const [text, status] of [
      ["Encrypt backups", "implemented"],
      ["Test restores", "in-progress"],
      ["Review access quarterly", "planned"],
    ] as const)
      await saveObligation({
        actor,
        system: slug,
        obligation: await keyOf(text),
        expectedVersion: 0,
        input: { status, evidenceLinks: [] },
      });

    // Version 2: the restore duty reworded and moved first, a new duty added, access unchanged.
    await publish([
      makeArea("Backups", {
        provider: ["Run the backup service"],
        customer: ["Test restores every month", "Encrypt backups", "Keep a copy offsite"],
      }),
      makeArea("Access", { customer: ["Review access quarterly"] }),
    ]);
    const after = (await tracking()).tracked!;
    expect(after.obligations.map((o) => [o.text, o.status, o.review])).toEqual([
      ["Test restores every month", "in-progress", true],
      ["Encrypt backups", "implemented", false],
      ["Keep a copy offsite", "open", false],
      ["Review access quarterly", "planned", false],
    ]);
    expect(after.retired).toEqual([]);

    // Reviewing it (saving) records the new words and clears the flag.
    const reworded = after.obligations[0]!;
    await saveObligation({
      actor,
      system: slug,
      obligation: reworded.key,
      expectedVersion: reworded.record!.version,
      input: { status: "implemented", evidenceLinks: [] },
    });
    expect((await tracking()).tracked!.obligations[0]).toMatchObject({ status: "implemented", review: false });

    // Version 3 drops the access area: its record is kept, listed as retired.
    await publish([
      makeArea("Backups", {
        provider: ["Run the backup service"],
        customer: ["Test restores every month", "Encrypt backups", "Keep a copy offsite"],
      }),
    ]);
    const last = (await tracking()).tracked!;
    expect(last.obligations).toHaveLength(3);
    expect(last.retired).toEqual([expect.objectContaining({ dutyText: "Review access quarterly", status: "planned" })]);
  });
});

describe("tracking the subscribed services", () => {
  test("their customer duties, as My obligations lists them, are tracked without building a system", async () => {
    const services = await getDb().service.findMany({
      where: { provider: { slug: "danubedata" }, slug: { in: ["vps", "object-storage"] } },
      select: { id: true },
    });
    const organization = await makeOrganization({ serviceIds: services.map((s) => s.id) });
    const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
    const tracking = () => getSystemTracking({ actor, system: SUBSCRIBED_SERVICES });

    const first = await tracking();
    expect(first.system).toMatchObject({ subscribed: true, id: null, name: "Subscribed services" });
    expect(first.system.tiers.map((t) => t.tier.service)).toEqual(["object-storage", "vps"]);
    // The same duties as My obligations: a provider's cross-cutting ones once, not once per service.
    expect(first.tracked!.obligations).toHaveLength((await getObligations({ actor })).dutyCount);

    // Two first saves at once: the row that holds the records is made once, and both are kept.
    const [a, b] = first.tracked!.obligations;
    await Promise.all(
      [a!, b!].map((o) =>
        saveObligation({
          actor,
          system: SUBSCRIBED_SERVICES,
          obligation: o.key,
          expectedVersion: 0,
          input: { status: "implemented", evidenceLinks: [] },
        }),
      ),
    );
    const after = await tracking();
    expect(after.tracked!.obligations.filter((o) => o.status === "implemented").map((o) => o.key)).toEqual([
      a!.key,
      b!.key,
    ]);
    expect(await getDb().system.count({ where: { organizationId: organization.id } })).toBe(1);

    // It is not one of the systems the organization built: not listed, not editable, not deletable.
    expect((await listSystems({ actor })).systems).toEqual([]);
    const replace = saveSystem({
      actor,
      system: { slug: SUBSCRIBED_SERVICES, expectedVersion: 1 },
      input: {
        name: "Mine now",
        tiers: [{ key: "vps", provider: "danubedata", service: "vps", model: null }],
        bindings: [],
      },
    });
    expect((await refusal(replace)).code).toBe("NOT_FOUND");
    expect((await refusal(deleteSystem({ actor, system: SUBSCRIBED_SERVICES, expectedVersion: 1 }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
