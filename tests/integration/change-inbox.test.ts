// The organization's side of change impacts (lib/notifications): the inbox and header count, one
// impact read and acknowledged (audited, once), the secret feed (read, revoked), webhook endpoints
// and the email choice — each kept to its own organization.
import { describe, expect, test } from "vitest";
import { GET as feedRoute } from "@/app/api/v1/changes/feed/[token]/route";
import { getDb } from "@/lib/db";
import { acknowledgeChangeImpact } from "@/lib/notifications/acknowledge-change-impact";
import { addWebhook } from "@/lib/notifications/add-webhook";
import { createChangeFeed } from "@/lib/notifications/create-change-feed";
import { getChangeImpact } from "@/lib/notifications/get-change-impact";
import { countOpenImpacts, listChangeImpacts } from "@/lib/notifications/list-change-impacts";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { removeWebhook } from "@/lib/notifications/remove-webhook";
import { revokeChangeFeed } from "@/lib/notifications/revoke-change-feed";
import { setChangeEmails } from "@/lib/notifications/set-change-emails";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { createProvider } from "../support/app-db";
import { publishAs } from "../support/publish-as";
import { systemActor } from "../support/published-seed";
import { refusal } from "../support/refusal";

const db = () => getDb();

/** A customer whose organization subscribes to a fresh provider that then moves a duty to customers. */
async function changedSubscription() {
  const input = makeProviderDocument();
  input.services[0]!.areas = [
    makeArea("Backups", { provider: ["Run the backup service"], customer: ["Encrypt backups"] }),
  ];
  const provider = await createProvider(input);
  const service = await db().service.findFirstOrThrow({ where: { providerId: provider.id } });
  const organization = await makeOrganization({ serviceIds: [service.id] });
  const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
  const other = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;
  const next = structuredClone(input);
  next.services[0]!.areas[0] = makeArea("Backups", { customer: ["Run the backup service", "Encrypt backups"] });
  await publishAs({ actor: systemActor, providerId: provider.id, document: next, note: "Backups are yours now" });
  const impact = await db().changeImpact.findFirstOrThrow({ where: { organizationId: organization.id } });
  return { actor, other, organization, provider, impact };
}

async function feedText(path: string) {
  const token = path.split("/").pop()!;
  const response = await feedRoute(new Request(`http://localhost${path}`), { params: Promise.resolve({ token }) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("the change inbox", () => {
  test("lists the organization's impacts, counts the open ones, and reads one with the version's note", async () => {
    const { actor, organization, provider, impact } = await changedSubscription();
    const { impacts } = await listChangeImpacts({ actor });
    expect(impacts.map((i) => i.id)).toEqual([impact.id]);
    expect(impacts[0]).toMatchObject({ fromVersion: 1, toVersion: 2, acknowledged: null });
    expect(await countOpenImpacts({ organizationId: organization.id })).toBe(1);
    const view = await getChangeImpact({ actor, id: impact.id });
    expect(view.provider.slug).toBe(provider.document.slug);
    expect(view.note).toBe("Backups are yours now");
    expect(view.systems[0]!.tiers[0]).toMatchObject({
      service: provider.document.services[0]!.name,
      providerSlug: provider.document.slug,
      serviceSlug: provider.document.services[0]!.slug,
    });
  });

  test("another organization's customer, an auditor and a stranger's id learn nothing", async () => {
    const { other, impact } = await changedSubscription();
    const auditor = (await makeUser({ role: "auditor" })).actor;
    expect(await refusal(getChangeImpact({ actor: other, id: impact.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(acknowledgeChangeImpact({ actor: other, id: impact.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal(getChangeImpact({ actor: auditor, id: impact.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await listChangeImpacts({ actor: other })).impacts).toEqual([]);
  });

  test("staff read any organization's impacts by naming it, read-only; nobody else may name one", async () => {
    const { actor, other, organization, impact } = await changedSubscription();
    const otherSlug = (await db().organization.findUniqueOrThrow({ where: { id: other.organizationId! } })).slug;
    for (const role of ["auditor", "admin"] as const) {
      const staff = (await makeUser({ role })).actor;
      const { impacts } = await listChangeImpacts({ actor: staff, organization: organization.slug });
      expect(impacts.map((i) => i.id)).toEqual([impact.id]);
      expect((await getChangeImpact({ actor: staff, id: impact.id, organization: organization.slug })).note).toBe(
        "Backups are yours now",
      );
      // The impact is read within the organization named: under another, or an unknown one, it does not exist.
      expect(await refusal(getChangeImpact({ actor: staff, id: impact.id, organization: otherSlug }))).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await refusal(listChangeImpacts({ actor: staff, organization: "no-such-org" }))).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await refusal(acknowledgeChangeImpact({ actor: staff, id: impact.id }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const manager = (await makeUser({ role: "account-manager" })).actor;
    for (const reader of [actor, other, manager])
      expect(await refusal(listChangeImpacts({ actor: reader, organization: organization.slug }))).toMatchObject({
        code: "FORBIDDEN",
      });
    expect(
      await refusal(getChangeImpact({ actor: other, id: impact.id, organization: organization.slug })),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  test("acknowledging records who and when, is audited, clears the count, and a second time conflicts", async () => {
    const { actor, organization, impact } = await changedSubscription();
    await acknowledgeChangeImpact({ actor, id: impact.id });
    const view = await getChangeImpact({ actor, id: impact.id });
    expect(view.acknowledged?.by).toBe(actor.name);
    expect(await countOpenImpacts({ organizationId: organization.id })).toBe(0);
    const entry = await db().auditEntry.findFirstOrThrow({
      where: { action: "impact.acknowledge", targetId: impact.id },
    });
    expect(entry.actorId).toBe(actor.id);
    const second = await refusal(acknowledgeChangeImpact({ actor, id: impact.id }));
    expect(second).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`${actor.name} already acknowledged`),
    });
  });
});

describe("the secret feed", () => {
  test("reads the organization's impacts as Atom, and stops working once revoked", async () => {
    const { actor, other, impact } = await changedSubscription();
    const { path } = await createChangeFeed({ actor });
    const feed = await feedText(path);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/application\/atom\+xml/);
    expect(feed.text.match(/<entry>/g)).toHaveLength(1);
    expect(feed.text).toContain(`/me/changes/${impact.id}`);
    expect(feed.text).toContain("Run the backup service");

    const settings = await getNotificationSettings({ actor });
    const id = settings.feeds[0]!.id;
    expect(await refusal(revokeChangeFeed({ actor: other, id }))).toMatchObject({ code: "NOT_FOUND" });
    await revokeChangeFeed({ actor, id });
    expect((await feedText(path)).status).toBe(404);
    expect((await feedText("/api/v1/changes/feed/not-a-token-at-all-but-long")).status).toBe(404);
  });
});

describe("webhook endpoints and the email choice", () => {
  test("an endpoint must be https (http only on this machine), once per organization; removing is per organization", async () => {
    const { actor, other } = await changedSubscription();
    const plain = await refusal(addWebhook({ actor, url: "http://hooks.example.test/x" }));
    expect(plain.fieldErrors?.[0]?.path).toBe("url");
    // Where private networks are denied (the default outside the tests), this machine and its network are refused.
    const inside = await refusal(addWebhook({ actor, url: "https://169.254.169.254/x", privateNetworks: "deny" }));
    expect(inside.fieldErrors).toEqual([
      {
        path: "url",
        message:
          "This address is on this machine or a private network; webhooks are delivered to public internet addresses only.",
      },
    ]);
    const { id, secret } = await addWebhook({ actor, url: "https://hooks.example.test/demarc" });
    expect(secret.length).toBeGreaterThan(30);
    const again = await refusal(addWebhook({ actor, url: "https://hooks.example.test/demarc" }));
    expect(again.fieldErrors).toEqual([{ path: "url", message: "This endpoint is registered already" }]);
    expect((await getNotificationSettings({ actor: other })).webhooks).toEqual([]);
    expect(await refusal(removeWebhook({ actor: other, id }))).toMatchObject({ code: "NOT_FOUND" });
    await removeWebhook({ actor, id });
    expect((await getNotificationSettings({ actor })).webhooks).toEqual([]);
  });

  test("the email choice is the user's own and refuses anything but each, daily or none", async () => {
    const { actor } = await changedSubscription();
    await setChangeEmails({ actor, choice: "daily" });
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).changeEmails).toBe("daily");
    const bad = await refusal(setChangeEmails({ actor, choice: "hourly" }));
    expect(bad.fieldErrors?.[0]?.path).toBe("changeEmails");
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).changeEmails).toBe("daily");
  });
});
