import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/create-organization";
import { getOrganization } from "@/lib/organizations/get-organization";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { listProviders } from "@/lib/providers/list-providers";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { createOrganizationAction, setSubscriptionsAction } from "@/lib/actions/organizations";
import { createProvider } from "../support/app-db";
import { actAs } from "../support/actor";
import { makeOrganization, makeUser, type UserActor } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

// Server actions call revalidatePath, which needs a Next.js request; the tests check data instead.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = getDb();

type TestProvider = Awaited<ReturnType<typeof createProvider>> & { serviceId: string };
/** Own: managed by `accountManager`; other: public, someone else's; hidden: private, someone else's. */
let own: TestProvider;
let other: TestProvider;
let hidden: TestProvider;
let admin: UserActor;
let auditor: UserActor;
let accountManager: UserActor;
let idleManager: UserActor;
let customer: UserActor;

async function provider(isPrivate: boolean): Promise<TestProvider> {
  const created = await createProvider(makeProviderDocument({ isPrivate }));
  const service = await db.service.findFirstOrThrow({ where: { providerId: created.id }, select: { id: true } });
  return { ...created, serviceId: service.id };
}

const subscriptionsOf = async (organizationId: string) =>
  (await db.subscription.findMany({ where: { organizationId }, select: { serviceId: true } }))
    .map((s) => s.serviceId)
    .sort();

beforeAll(async () => {
  [own, other, hidden] = [await provider(true), await provider(false), await provider(true)];
  admin = (await makeUser({ role: "admin" })).actor;
  auditor = (await makeUser({ role: "auditor" })).actor;
  accountManager = (await makeUser({ role: "account-manager", managedProviderIds: [own.id] })).actor;
  idleManager = (await makeUser({ role: "account-manager" })).actor;
  const organization = await makeOrganization();
  customer = (await makeUser({ role: "customer", organizationId: organization.id })).actor;
});

afterAll(async () => {
  for (const p of [own, other, hidden]) await p?.remove();
});

describe("listOrganizations and getOrganization", () => {
  test("administrators see every organization with counts, members and all providers' services", async () => {
    const organization = await makeOrganization({ serviceIds: [own.serviceId, other.serviceId] });
    const member = await makeUser({ role: "customer", organizationId: organization.id });

    const list = await listOrganizations({ db, actor: admin });
    expect(list).toContainEqual(
      expect.objectContaining({ id: organization.id, slug: organization.slug, memberCount: 1, subscriptionCount: 2 }),
    );

    const detail = await getOrganization({ db, actor: admin, slug: organization.slug });
    expect(detail).toMatchObject({ id: organization.id, name: organization.name, version: 1 });
    expect(detail!.members).toEqual([
      { id: member.actor.id, name: member.actor.name, email: member.email, role: "customer", active: true },
    ]);
    const byId = new Map(detail!.providers.map((p) => [p.id, p]));
    expect(byId.get(own.id)?.services).toEqual([expect.objectContaining({ id: own.serviceId, subscribed: true })]);
    expect(byId.get(other.id)?.services).toEqual([expect.objectContaining({ id: other.serviceId, subscribed: true })]);
    expect(byId.get(hidden.id)).toMatchObject({ isPrivate: true, services: [{ subscribed: false }] });
  });

  test("account managers see organizations, but only their own providers' subscriptions", async () => {
    const organization = await makeOrganization({ serviceIds: [own.serviceId, hidden.serviceId] });
    expect(await listOrganizations({ db, actor: accountManager })).toContainEqual(
      expect.objectContaining({ id: organization.id, subscriptionCount: 1 }),
    );
    const detail = await getOrganization({ db, actor: accountManager, slug: organization.slug });
    expect(detail!.providers).toEqual([
      {
        id: own.id,
        slug: own.document.slug,
        name: own.document.name,
        isPrivate: true,
        services: [expect.objectContaining({ id: own.serviceId, subscribed: true })],
      },
    ]);
    expect(await getOrganization({ db, actor: accountManager, slug: "no-such-organization" })).toBeNull();
  });

  test.each<[string, () => Actor, string]>([
    ["anonymous", () => anonymous, "UNAUTHORIZED"],
    ["auditor", () => auditor, "FORBIDDEN"],
    ["customer", () => customer, "FORBIDDEN"],
    ["account manager without providers", () => idleManager, "FORBIDDEN"],
  ])("%s may not list or open organizations", async (_label, actorOf, code) => {
    const organization = await makeOrganization();
    await expect(listOrganizations({ db, actor: actorOf() })).rejects.toMatchObject({ code });
    await expect(getOrganization({ db, actor: actorOf(), slug: organization.slug })).rejects.toMatchObject({ code });
  });
});

describe("createOrganization", () => {
  test("creates an organization; a taken slug is an error on the slug field", async () => {
    const slug = `acme-${crypto.randomUUID().slice(0, 8)}`;
    expect(await createOrganization({ db, actor: admin, slug, name: " Acme Corp " })).toMatchObject({ slug });
    expect(await db.organization.findUniqueOrThrow({ where: { slug } })).toMatchObject({ name: "Acme Corp" });

    await expect(createOrganization({ db, actor: admin, slug, name: "Another" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: [{ path: "slug", message: "This slug is taken — choose another" }],
    });
    expect(await db.organization.count({ where: { slug } })).toBe(1);
  });

  test("reports each invalid field specifically", async () => {
    await expect(createOrganization({ db, actor: admin, slug: "Not A Slug!", name: "" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: [
        { path: "slug", message: "Use lower-case letters, digits and single hyphens, e.g. acme-corp" },
        { path: "name", message: "Enter a name" },
      ],
    });
    expect(await db.organization.count({ where: { name: "" } })).toBe(0);
  });

  test.each<[string, () => Actor, string]>([
    ["anonymous", () => anonymous, "UNAUTHORIZED"],
    ["auditor", () => auditor, "FORBIDDEN"],
    ["account manager", () => accountManager, "FORBIDDEN"],
    ["customer", () => customer, "FORBIDDEN"],
  ])("%s cannot create organizations", async (_label, actorOf, code) => {
    const slug = `denied-${crypto.randomUUID().slice(0, 8)}`;
    await expect(createOrganization({ db, actor: actorOf(), slug, name: "Denied" })).rejects.toMatchObject({ code });
    expect(await db.organization.count({ where: { slug } })).toBe(0);
  });
});

describe("setSubscription", () => {
  test("an account manager subscribes an organization to their provider's service, idempotently", async () => {
    const organization = await makeOrganization();
    const key = { db, actor: accountManager, organizationId: organization.id, serviceId: own.serviceId };
    expect(await setSubscription({ ...key, subscribed: true })).toEqual({ subscribed: true, changed: true });
    expect(await setSubscription({ ...key, subscribed: true })).toEqual({ subscribed: true, changed: false });
    expect(await subscriptionsOf(organization.id)).toEqual([own.serviceId]);

    // The organization's customers now see the private provider.
    const member = await makeUser({ role: "customer", organizationId: organization.id });
    expect((await listProviders({ actor: member.actor })).map((p) => p.slug)).toContain(own.document.slug);

    expect(await setSubscription({ ...key, subscribed: false })).toEqual({ subscribed: false, changed: true });
    expect(await setSubscription({ ...key, subscribed: false })).toEqual({ subscribed: false, changed: false });
    expect(await subscriptionsOf(organization.id)).toEqual([]);
  });

  test("an account manager cannot change another provider's subscriptions", async () => {
    const organization = await makeOrganization({ serviceIds: [other.serviceId] });
    const base = { db, actor: accountManager, organizationId: organization.id };
    // A public provider's service: visible, but not theirs.
    await expect(setSubscription({ ...base, serviceId: other.serviceId, subscribed: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A private provider they are not assigned to: as if it did not exist.
    await expect(setSubscription({ ...base, serviceId: hidden.serviceId, subscribed: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await subscriptionsOf(organization.id)).toEqual([other.serviceId]);
  });

  test("administrators manage every provider's subscriptions", async () => {
    const organization = await makeOrganization();
    for (const serviceId of [own.serviceId, other.serviceId, hidden.serviceId])
      await setSubscription({ db, actor: admin, organizationId: organization.id, serviceId, subscribed: true });
    expect(await subscriptionsOf(organization.id)).toEqual([own.serviceId, other.serviceId, hidden.serviceId].sort());
  });

  test("unknown organizations and services are not found; malformed ids are field errors", async () => {
    const organization = await makeOrganization();
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(
      setSubscription({ db, actor: admin, organizationId: missing, serviceId: own.serviceId, subscribed: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "There is no such organization." });
    await expect(
      setSubscription({ db, actor: admin, organizationId: organization.id, serviceId: missing, subscribed: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "There is no such service." });
    await expect(
      setSubscription({ db, actor: admin, organizationId: "x", serviceId: own.serviceId, subscribed: true }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: [{ path: "organizationId" }] });
    expect(await subscriptionsOf(organization.id)).toEqual([]);
  });

  test.each<[string, () => Actor, string]>([
    ["anonymous", () => anonymous, "UNAUTHORIZED"],
    ["auditor", () => auditor, "FORBIDDEN"],
    ["customer", () => customer, "FORBIDDEN"],
    ["account manager without providers", () => idleManager, "FORBIDDEN"],
  ])("%s cannot change subscriptions and nothing changes", async (_label, actorOf, code) => {
    const organization = await makeOrganization({ serviceIds: [own.serviceId] });
    const base = { db, actor: actorOf(), organizationId: organization.id };
    await expect(setSubscription({ ...base, serviceId: own.serviceId, subscribed: false })).rejects.toMatchObject({
      code,
    });
    await expect(setSubscription({ ...base, serviceId: other.serviceId, subscribed: true })).rejects.toMatchObject({
      code,
    });
    expect(await subscriptionsOf(organization.id)).toEqual([own.serviceId]);
  });
});

describe("organization server actions", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields))
      for (const v of typeof value === "string" ? [value] : value) data.append(key, v);
    return data;
  };

  test("create reports the taken slug on its field", async () => {
    const organization = await makeOrganization();
    actAs(admin);
    expect(await createOrganizationAction({ status: "idle" }, form({ slug: organization.slug, name: "Copy" }))).toEqual(
      {
        status: "error",
        message: "An organization with this slug already exists.",
        fieldErrors: { slug: "This slug is taken — choose another" },
      },
    );
  });

  test("a provider's checklist sets every listed service; unticked boxes unsubscribe", async () => {
    const organization = await makeOrganization();
    actAs(accountManager);
    const save = (ticked: string[]) =>
      setSubscriptionsAction(
        { status: "idle" },
        form({ organizationId: organization.id, serviceIds: [own.serviceId], subscribed: ticked }),
      );
    expect(await save([own.serviceId])).toEqual({ status: "success", message: "Saved 1 change." });
    expect(await subscriptionsOf(organization.id)).toEqual([own.serviceId]);
    expect(await save([])).toEqual({ status: "success", message: "Saved 1 change." });
    expect(await save([])).toEqual({ status: "success", message: "No changes to save." });
    expect(await subscriptionsOf(organization.id)).toEqual([]);

    const forged = await setSubscriptionsAction(
      { status: "idle" },
      form({ organizationId: organization.id, serviceIds: [other.serviceId], subscribed: [other.serviceId] }),
    );
    expect(forged).toEqual({ status: "error", message: "Your account is not allowed to do this.", fieldErrors: {} });
    expect(await subscriptionsOf(organization.id)).toEqual([]);
  });
});
