// Publishing records what the version changes for each subscribing organization (lib/notifications):
// one impact per organization with its affected systems, and one outbox row per channel it uses.
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { readImpactSystems } from "@/lib/notifications/impact-document";
import { saveSystem } from "@/lib/systems/save-system";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea } from "../factories/provider-document";
import { subscribedProvider } from "../support/subscribed-provider";
import { publishAs } from "../support/publish-as";
import { systemActor } from "../support/published-seed";

const db = () => getDb();

/** One subscribing organization and one bystander that uses nothing of the provider. */
async function subscribedWithBystander() {
  const { orgs, ...setup } = await subscribedProvider();
  return { ...setup, organization: orgs[0]!, bystander: await makeOrganization() };
}

describe("publishing records change impacts", () => {
  test("a duty moved to the customer is action required for the subscribing organization, and nobody else", async () => {
    const { input, provider, organization, bystander } = await subscribedWithBystander();
    const next = structuredClone(input);
    next.services[0]!.areas[0] = makeArea("Backups", { customer: ["Run the backup service", "Encrypt backups"] });
    const version = await publishAs({ actor: systemActor, providerId: provider.id, document: next });

    const impacts = await db().changeImpact.findMany({ where: { providerId: provider.id } });
    expect(impacts).toHaveLength(1);
    const [impact] = impacts;
    expect(impact).toMatchObject({ organizationId: organization.id, fromVersion: 1, toVersion: version.number });
    expect(impact!.actionRequired).toBeGreaterThan(0);
    const systems = readImpactSystems(impact!.systems);
    expect(systems.map((s) => s.slug)).toEqual(["subscribed--services"]);
    const moved = systems[0]!.items.find((i) => i.kind === "became-yours");
    expect(moved?.after?.duty?.text).toBe("Run the backup service");
    expect(await db().changeImpact.count({ where: { organizationId: bystander.id } })).toBe(0);
  });

  test("a system stacking the provider gets its own section; wording only is informational", async () => {
    const { input, provider, organization } = await subscribedWithBystander();
    const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
    await saveSystem({
      actor,
      input: {
        name: "Stacked",
        tiers: [{ key: "app", provider: input.slug, service: input.services[0]!.slug, model: null }],
        bindings: [],
      },
    });
    const next = structuredClone(input);
    next.services[0]!.areas[1] = makeArea("Access", { customer: ["Review access every quarter"] });
    await publishAs({ actor: systemActor, providerId: provider.id, document: next });

    const impact = await db().changeImpact.findFirstOrThrow({ where: { providerId: provider.id } });
    const systems = readImpactSystems(impact.systems);
    expect(systems.map((s) => s.name)).toEqual(["Subscribed services", "Stacked"]);
    expect(impact.actionRequired).toBe(0);
    expect(systems.every((s) => s.items.every((i) => i.kind === "text-changed"))).toBe(true);
  });

  test("a version that changes nothing the organization carries records no impact", async () => {
    const { input, provider } = await subscribedWithBystander();
    const next = structuredClone(input);
    next.summary = "A new summary, and no duty changed.";
    await publishAs({ actor: systemActor, providerId: provider.id, document: next });
    expect(await db().changeImpact.count({ where: { providerId: provider.id } })).toBe(0);
  });

  test("one outbox row per organization and channel it uses, written with the version", async () => {
    const { input, provider, organization } = await subscribedWithBystander();
    await db().webhookEndpoint.create({
      data: {
        organizationId: organization.id,
        url: "https://hooks.example.test/demarc",
        secret: "s".repeat(32),
        createdBy: "test",
      },
    });
    const next = structuredClone(input);
    next.services[0]!.areas[1] = makeArea("Access", { customer: ["Review access monthly"] });
    await publishAs({ actor: systemActor, providerId: provider.id, document: next });
    const deliveries = await db().notificationDelivery.findMany({ where: { impact: { providerId: provider.id } } });
    // No SMTP server is configured for the tests' app: email is not offered, so only the webhook.
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([["webhook", "pending"]]);
  });

  test("a publish that fails after the impacts were written leaves neither impact nor outbox row", async () => {
    const { input, provider, organization } = await subscribedWithBystander();
    await db().webhookEndpoint.create({
      data: {
        organizationId: organization.id,
        url: "https://hooks.example.test/x",
        secret: "s".repeat(32),
        createdBy: "test",
      },
    });
    // The publish's last write (its audit entry) fails for this provider only.
    const name = `refuse_publish_${provider.id.replace(/-/g, "")}`;
    await db().$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`,
    );
    await db().$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEntry" FOR EACH ROW
       WHEN (NEW."providerId" = '${provider.id}' AND NEW.action = 'provider.publish') EXECUTE FUNCTION ${name}()`,
    );
    const next = structuredClone(input);
    next.services[0]!.areas[1] = makeArea("Access", { customer: ["Review access monthly"] });
    try {
      await expect(publishAs({ actor: systemActor, providerId: provider.id, document: next })).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEntry"`);
      await db().$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    expect(await db().providerVersion.count({ where: { providerId: provider.id } })).toBe(1);
    expect(await db().changeImpact.count({ where: { providerId: provider.id } })).toBe(0);
    expect(await db().notificationDelivery.count({ where: { impact: { providerId: provider.id } } })).toBe(0);
  });
});
