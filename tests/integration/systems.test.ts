// Customer systems over the seeded services: saved and resolved as the organization sees them,
// authorized per role, checked before anything is written, and safe against concurrent saves.
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteSystem } from "@/lib/systems/delete-system";
import { getSystem } from "@/lib/systems/get-system";
import { listSystems } from "@/lib/systems/list-systems";
import { saveSystem } from "@/lib/systems/save-system";
import { demoSystems } from "@/lib/setup/seed-demo-accounts";
import { GET as mySystemRoute } from "@/app/api/v1/me/systems/[system]/route";
import { GET as mySystemsRoute } from "@/app/api/v1/me/systems/route";
import { GET as organizationSystemRoute } from "@/app/api/v1/organizations/[organization]/systems/[system]/route";
import { makeOrganization, makeUser } from "../factories/accounts";
import { actAs } from "../support/actor";
import { callRoute } from "../support/call-route";
import { shopSystem } from "../support/shop-system";

async function customer() {
  const organization = await makeOrganization();
  const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
  return { organization, actor };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a customer's system", () => {
  test("is saved, listed and resolved through the binding, with provenance and counts that add up", async () => {
    const { actor } = await customer();
    const saved = await saveSystem({ actor, input: shopSystem() });
    expect(saved).toEqual({ slug: "shop-production", version: 1 });
    expect((await listSystems({ actor })).systems).toEqual([
      expect.objectContaining({ slug: "shop-production", name: "Shop — production", tierCount: 2 }),
    ]);

    const system = await getSystem({ actor, system: saved.slug });
    expect(system.problems).toEqual([]);
    expect(system.canEdit).toBe(true);
    const [platform, cloud] = system.resolved!.tiers;
    // Under "Cloud Services" the control plane is the hyperscaler's: delegated to the bound service.
    const controlPlane = platform!.areas.find((a) => a.key === "kubernetes-control-plane")!;
    expect(controlPlane.overridden).toBe(true);
    expect(controlPlane.duties.map((d) => d.carrier)).toEqual(
      controlPlane.duties.map(() => expect.objectContaining({ kind: "delegated", lowerTier: "cloud" })),
    );
    // The managed Kubernetes service's own control plane duties come from the delegation, traced.
    const lowerControlPlane = cloud!.areas.find((a) => a.key === "control-plane")!;
    expect(lowerControlPlane.duties[0]!.provenance.map((s) => [s.tier, s.areaKey, s.party])).toEqual([
      ["platform", "kubernetes-control-plane", "hyperscaler"],
      ["cloud", "control-plane", "provider"],
    ]);
    // The organization rents the cloud: its customer duties are the organization's.
    const workloads = cloud!.areas.find((a) => a.key === "workload-security")!;
    expect(workloads.duties.every((d) => d.carrier.kind === "organization")).toBe(true);
    expect(system.resolved!.gaps).toEqual([]);

    const counts = system.counts!;
    const all = system.resolved!.tiers.flatMap((t) => t.areas.flatMap((a) => a.duties));
    expect(counts.total).toBe(all.length);
    expect(
      counts.organization + counts.delegated + counts.unbound + counts.providers.reduce((n, p) => n + p.duties, 0),
    ).toBe(counts.total);
    expect(counts.providers.map((p) => p.name)).toEqual(["Contain", "Managed Kubernetes (reference model)"]);
  });

  test("when the platform holds the contract, the lower service's customer duties are the platform's", async () => {
    const { actor } = await customer();
    const { slug } = await saveSystem({ actor, input: shopSystem("upper-provider") });
    const cloud = (await getSystem({ actor, system: slug })).resolved!.tiers[1]!;
    expect(cloud.customer).toEqual({ kind: "provider", tier: "platform", name: "Contain" });
    const workloads = cloud.areas.find((a) => a.key === "workload-security")!;
    expect(workloads.duties.every((d) => d.carrier.kind === "provider" && d.carrier.name === "Contain")).toBe(true);
  });

  test("an unbound third party is a gap that binding it closes", async () => {
    const { actor } = await customer();
    const unbound = { ...shopSystem(), name: "Unbound", tiers: shopSystem().tiers.slice(0, 1), bindings: [] };
    const { slug } = await saveSystem({ actor, input: unbound });
    const before = await getSystem({ actor, system: slug });
    expect(before.resolved!.gaps).toEqual([
      expect.objectContaining({
        kind: "unbound-third-party",
        party: "hyperscaler",
        areas: ["underlying-infrastructure", "kubernetes-control-plane"],
      }),
    ]);
    await saveSystem({ actor, system: { slug, expectedVersion: 1 }, input: { ...shopSystem(), name: "Unbound" } });
    expect((await getSystem({ actor, system: slug })).resolved!.gaps).toEqual([]);
  });
});

test("the demo system fits the seeded services and leaves no gap", async () => {
  const { actor } = await customer();
  for (const demo of demoSystems) {
    const { slug } = await saveSystem({ actor, input: demo.system });
    expect(slug).toBe(demo.slug);
    const system = await getSystem({ actor, system: slug });
    expect(system.problems).toEqual([]);
    expect(system.resolved!.gaps).toEqual([]);
  }
});

describe("checks before anything is written", () => {
  test("a service that does not exist, a self-binding and an unknown model are field errors; nothing is saved", async () => {
    const { actor, organization } = await customer();
    const missing = await refusal(
      saveSystem({
        actor,
        input: {
          ...shopSystem(),
          tiers: [{ key: "x", provider: "contain", service: "nope", model: null }],
          bindings: [],
        },
      }),
    );
    expect(missing.fieldErrors).toEqual([{ path: "tiers.0.service", message: "No such published service" }]);
    const self = await refusal(
      saveSystem({
        actor,
        input: { ...shopSystem(), bindings: [{ ...shopSystem().bindings[0]!, lowerTier: "platform" }] },
      }),
    );
    expect(self.fieldErrors).toContainEqual({ path: "bindings.0", message: "A tier cannot be bound to itself." });
    const model = await refusal(
      saveSystem({
        actor,
        input: { ...shopSystem(), tiers: [{ ...shopSystem().tiers[0]!, model: "moon-base" }, shopSystem().tiers[1]!] },
      }),
    );
    expect(model.fieldErrors).toEqual([
      { path: "tiers.0.model", message: '“Contain Platform” has no deployment model "moon-base".' },
    ]);
    const empty = await refusal(saveSystem({ actor, input: { name: "", tiers: [], bindings: [] } }));
    expect(empty.fieldErrors!.map((f) => f.path)).toEqual(["name", "tiers"]);
    expect(await getDb().system.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  test("two saves from the same version: one wins, the other is a conflict; a stale delete is refused", async () => {
    const { actor } = await customer();
    const { slug } = await saveSystem({ actor, input: shopSystem() });
    const outcomes = await Promise.allSettled(
      ["First", "Second"].map((description) =>
        saveSystem({ actor, system: { slug, expectedVersion: 1 }, input: { ...shopSystem(), description } }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect((await refusal(deleteSystem({ actor, system: slug, expectedVersion: 1 }))).code).toBe("CONFLICT");
    await deleteSystem({ actor, system: slug, expectedVersion: 2 });
    expect((await listSystems({ actor })).systems).toEqual([]);
  });
});

describe("who sees what", () => {
  test("the organization's customers edit; admins and auditors read; managers and other organizations get nothing", async () => {
    const { actor, organization } = await customer();
    const { slug } = await saveSystem({ actor, input: shopSystem() });
    const colleague = (await makeUser({ role: "customer", organizationId: organization.id })).actor;
    expect((await getSystem({ actor: colleague, system: slug })).name).toBe("Shop — production");

    for (const role of ["admin", "auditor"] as const) {
      const reader = (await makeUser({ role })).actor;
      const seen = await getSystem({ actor: reader, organization: organization.slug, system: slug });
      expect(seen.canEdit).toBe(false);
      expect((await refusal(saveSystem({ actor: reader, input: shopSystem() }))).code).toBe("FORBIDDEN");
    }
    const manager = (await makeUser({ role: "account-manager" })).actor;
    expect((await refusal(getSystem({ actor: manager, organization: organization.slug, system: slug }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(listSystems({ actor: manager }))).code).toBe("FORBIDDEN");
    const stranger = (await customer()).actor;
    expect((await refusal(getSystem({ actor: stranger, organization: organization.slug, system: slug }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(getSystem({ actor: stranger, system: slug }))).code).toBe("NOT_FOUND");
  });

  test("every change is in the audit log", async () => {
    const { actor } = await customer();
    const { slug } = await saveSystem({ actor, input: shopSystem() });
    await saveSystem({
      actor,
      system: { slug, expectedVersion: 1 },
      input: { ...shopSystem(), description: "Changed" },
    });
    await deleteSystem({ actor, system: slug, expectedVersion: 2 });
    const entries = await getDb().auditEntry.findMany({
      where: { actorId: actor.id, action: { startsWith: "system." } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(entries.map((e) => e.action)).toEqual(["system.create", "system.update", "system.delete"]);
  });
});

describe("the systems API", () => {
  test("answers the organization's customers, admins and auditors; a problem for anyone else", async () => {
    const { actor, organization } = await customer();
    const { slug } = await saveSystem({ actor, input: shopSystem() });
    actAs(actor);
    const list = await callRoute(mySystemsRoute, "/api/v1/me/systems", {});
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ organization: { slug: organization.slug }, systems: [{ slug, tierCount: 2 }] });
    const one = await callRoute(mySystemRoute, `/api/v1/me/systems/${slug}`, { system: slug });
    expect(one.status).toBe(200);
    const body = one.body as { counts: { total: number }; areas: { duties: unknown[] }[]; gaps: unknown[] };
    expect(body.areas.reduce((n, a) => n + a.duties.length, 0)).toBe(body.counts.total);
    expect(body.gaps).toEqual([]);

    const path = `/api/v1/organizations/${organization.slug}/systems/${slug}`;
    const params = { organization: organization.slug, system: slug };
    actAs((await makeUser({ role: "auditor" })).actor);
    expect((await callRoute(organizationSystemRoute, path, params)).body).toEqual(body);
    actAs((await makeUser({ role: "account-manager" })).actor);
    expect((await callRoute(organizationSystemRoute, path, params)).status).toBe(404);
    expect((await callRoute(mySystemsRoute, "/api/v1/me/systems", {})).status).toBe(403);
    actAs((await customer()).actor);
    expect((await callRoute(organizationSystemRoute, path, params)).status).toBe(404);
    expect((await callRoute(mySystemRoute, `/api/v1/me/systems/${slug}`, { system: slug })).status).toBe(404);
  });
});
