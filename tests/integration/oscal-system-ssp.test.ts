// A customer's system as an OSCAL system security plan (lib/exports/oscal/oscal-system-ssp.ts), built
// from a real system over the seeded services with obligations recorded against the real database:
// valid against NIST's OSCAL 1.2.2 schema, the tracked statuses and evidence on the organization's
// part, the providers' duties inherited with their trail (and pointing at the providers' own SSPs),
// gaps spelled out, and the same data rendered to the same bytes.
import { describe, expect, test } from "vitest";
import { buildProviderExport } from "@/lib/exports/export-model";
import { toOscalSsp } from "@/lib/exports/oscal/oscal-ssp";
import { toSystemOscalSsp, type SystemSspDocument } from "@/lib/exports/oscal/oscal-system-ssp";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { saveObligation } from "@/lib/systems/save-obligation";
import { saveSystem } from "@/lib/systems/save-system";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import type { SystemInput } from "@/lib/validation/system";
import { seedProviders } from "@/prisma/seed";
import { makeOrganization, makeUser } from "../factories/accounts";
import { oscalSchemaErrors } from "../support/oscal-schema";
import { refusal } from "../support/refusal";
import { shopSystem } from "../support/shop-system";

/** A fixed day, so overdue flags cannot change between two renderings. */
const now = new Date("2030-01-15T12:00:00Z");

async function customerSystem(input: SystemInput) {
  const organization = await makeOrganization();
  const { actor } = await makeUser({ role: "customer", organizationId: organization.id });
  const { slug } = await saveSystem({ actor, input });
  const tracking = () => getSystemTracking({ actor, system: slug, now });
  return { actor, slug, tracking };
}

type Requirement =
  SystemSspDocument["system-security-plan"]["control-implementation"]["implemented-requirements"][number];

const requirements = (ssp: SystemSspDocument) =>
  ssp["system-security-plan"]["control-implementation"]["implemented-requirements"];

const propValue = (props: { name: string; value: string }[] | undefined, name: string) =>
  props?.find((p) => p.name === name)?.value;

const requirementOf = (ssp: SystemSspDocument, tier: string, area: string): Requirement =>
  requirements(ssp).find((r) => propValue(r.props, "tier") === tier && r["control-id"].endsWith(`.${area}`))!;

/** Every UUID a provider's own SSP exports as provided, from the seeded document. */
function providedInProviderSsp(slug: string): Set<string> {
  const document = providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug)!);
  const version = { number: 1, publishedAt: now.toISOString(), contentHash: "0".repeat(64), note: "" };
  const ssp = toOscalSsp(buildProviderExport({ document, version }));
  return new Set(
    ssp["system-security-plan"]["control-implementation"]["implemented-requirements"]
      .flatMap((r) => r["by-components"] ?? [])
      .flatMap((b) => b.export?.provided ?? [])
      .map((d) => d.uuid),
  );
}

describe("a system's OSCAL system security plan", () => {
  test("is schema-valid, says what the organization has done and what it inherits, and is deterministic", async () => {
    const { actor, slug, tracking } = await customerSystem(shopSystem());
    // Three areas with one obligation each, so each area's state is that obligation's; two with several.
    const obligations = (await tracking()).tracked!.obligations;
    const inArea = (area: string) => obligations.filter((o) => `${o.tier}:${o.area}` === area);
    const areas = [...new Set(obligations.map((o) => `${o.tier}:${o.area}`))];
    const [done, waived, accepted] = areas.filter((area) => inArea(area).length === 1).map((area) => inArea(area)[0]!);
    const [busy, untouched] = areas.filter((area) => inArea(area).length > 1).map((area) => inArea(area));
    expect(accepted).toBeDefined();
    expect(untouched).toBeDefined();
    const record = (key: string, input: Record<string, unknown>) =>
      saveObligation({
        actor,
        system: slug,
        obligation: key,
        expectedVersion: 0,
        input: { evidenceLinks: [], ...input },
      });
    await record(done!.key, {
      status: "implemented",
      evidenceLinks: ["https://evidence.example/policies"],
      notes: "Reviewed yearly",
    });
    await record(waived!.key, { status: "not-applicable", reason: "We store no personal data" });
    await record(accepted!.key, { status: "risk-accepted", reason: "Compensated by WAF", approver: "CISO" });
    const started = busy![1]!;
    await record(started.key, { status: "in-progress", ownerId: actor.id, dueDate: "2029-12-31" });

    const view = await tracking();
    const ssp = toSystemOscalSsp(view);
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    const plan = ssp["system-security-plan"];
    expect(plan.metadata.title).toBe(`${view.system.organization.name}: Shop — production`);
    expect(plan.metadata["last-modified"]).toBe(view.system.updatedAt.toISOString());
    expect(plan.metadata.parties!.map((p) => p.name)).toEqual(
      expect.arrayContaining([view.system.organization.name, "Contain", "Hyperscaler", "Cloud provider"]),
    );
    expect(plan["system-implementation"].components.map((c) => c.type)).toEqual(["this-system", "service", "service"]);
    expect(plan["system-characteristics"].description).toMatch(
      /Hyperscaler, a third party of .*tier platform.* is carried by .*tier cloud/,
    );

    // The organization's part: each recorded status as OSCAL's state, with evidence, reasons and approver.
    const own = (o: typeof done) =>
      requirementOf(ssp, o!.tier, o!.area)["by-components"]!.find(
        (b) => b["component-uuid"] === plan["system-implementation"].components[0]!.uuid,
      )!;
    const implemented = own(done);
    expect(implemented["implementation-status"]).toMatchObject({ state: "implemented" });
    expect(implemented.satisfied).toEqual([
      expect.objectContaining({
        description: done!.text,
        links: [{ href: "https://evidence.example/policies", rel: "evidence" }],
        remarks: expect.stringContaining("Notes: Reviewed yearly"),
      }),
    ]);
    expect(propValue(implemented.satisfied![0]!.props, "implementation-status")).toBe("implemented");
    expect(own(waived)["implementation-status"]).toMatchObject({ state: "not-applicable" });
    expect(own(waived).satisfied![0]!.remarks).toContain("Reason: We store no personal data");
    expect(own(waived)["implementation-status"]!.remarks).toContain("Not applicable: We store no personal data");
    expect(own(accepted)["implementation-status"]).toMatchObject({ state: "alternative" });
    expect(own(accepted).satisfied![0]!.remarks).toMatch(
      /Risk accepted because: Compensated by WAF[\s\S]*Approved by: CISO/,
    );
    // Open is planned; one started among open ones makes the area partial, and names its owner.
    expect(own(untouched![0])["implementation-status"]!.state).toBe("planned");
    expect(own(started)["implementation-status"]!.state).toBe("partial");
    const startedEntry = own(started).satisfied!.find((entry) => entry.description === started.text)!;
    expect(propValue(startedEntry.props, "tracking-status")).toBe("in-progress");
    expect(propValue(startedEntry.props, "overdue")).toBe("yes");
    const ownerUuid = startedEntry["responsible-roles"]!.find((r) => r["role-id"] === "obligation-owner")![
      "party-uuids"
    ]![0];
    expect(plan.metadata.parties!.find((p) => p.uuid === ownerUuid)).toMatchObject({
      type: "person",
      name: actor.name,
    });

    // The providers' part: inherited, with the trail through the binding, pointing at their own SSPs.
    const controlPlane = requirementOf(ssp, "cloud", "control-plane")["by-components"]!;
    expect(controlPlane.every((b) => !b.satisfied && b.inherited!.length > 0)).toBe(true);
    const inheritedHere = controlPlane.flatMap((b) => b.inherited!);
    expect(inheritedHere[0]!.description).toContain("Cloud provider");
    expect(propValue(inheritedHere[0]!.props, "provenance")).toBe(
      "tier platform: Contain › Contain Platform › Kubernetes Control Plane › Hyperscaler → " +
        "tier cloud: Managed Kubernetes (reference model) › Managed Kubernetes (EKS / GKE / AKS) › Control plane › Cloud provider",
    );
    // The hyperscaler's duty is inherited from the tier it is bound to, naming the areas that cover it.
    const delegated = requirementOf(ssp, "platform", "kubernetes-control-plane")["by-components"]!;
    expect(delegated.map((b) => b["component-uuid"])).toEqual([plan["system-implementation"].components[2]!.uuid]);
    expect(delegated[0]!.inherited![0]!.description).toMatch(
      /carries it for Hyperscaler under the binding, by its areas Control plane/,
    );
    const provided = new Set([...providedInProviderSsp("contain"), ...providedInProviderSsp("managed-kubernetes")]);
    const providedUuids = requirements(ssp)
      .flatMap((r) => r["by-components"] ?? [])
      .flatMap((b) => b.inherited ?? [])
      .flatMap((i) => (i["provided-uuid"] ? [i["provided-uuid"]] : []));
    expect(providedUuids.length).toBeGreaterThan(0);
    expect(providedUuids.filter((uuid) => !provided.has(uuid))).toEqual([]);

    // Same data, same bytes: rendered twice, and from a fresh read.
    const json = JSON.stringify(ssp);
    expect(JSON.stringify(toSystemOscalSsp(view))).toBe(json);
    expect(JSON.stringify(toSystemOscalSsp(await tracking()))).toBe(json);
    const published = toSystemOscalSsp(view, { generatedAt: now })["system-security-plan"];
    expect(published.metadata.published).toBe(now.toISOString());
    expect(published.uuid).toBe(plan.uuid);
  });

  test("spells out what nobody carries: an unbound third party's duties, with their trail", async () => {
    const alone = { ...shopSystem(), tiers: shopSystem().tiers.slice(0, 1), bindings: [] };
    const { tracking } = await customerSystem(alone);
    const ssp = toSystemOscalSsp(await tracking());
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    const controlPlane = requirementOf(ssp, "platform", "kubernetes-control-plane");
    expect(propValue(controlPlane.props, "gap")).toBe("unbound-third-party");
    expect(controlPlane.remarks).toMatch(/Carried by nobody in this system:[\s\S]*trail: tier platform: Contain/);
    expect(ssp["system-security-plan"]["system-characteristics"].remarks).toContain("Hyperscaler");

    // Bound, but with no lower area covering the control plane: handed over, and still carried by nobody.
    const partly = shopSystem();
    partly.bindings[0]!.coverage = { "underlying-infrastructure": ["infrastructure"] };
    const uncovered = toSystemOscalSsp(await (await customerSystem(partly)).tracking());
    expect(oscalSchemaErrors(uncovered)).toEqual([]);
    const handed = requirementOf(uncovered, "platform", "kubernetes-control-plane");
    expect(propValue(handed.props, "gap")).toBe("not-covered");
    expect(handed["by-components"]).toBeUndefined();
    expect(handed.remarks).toMatch(/none of its areas covers it[\s\S]*Carried by nobody/);
  });

  test("when the platform holds the lower service's contract, that service's customer duties are inherited from it", async () => {
    const { tracking } = await customerSystem(shopSystem("upper-provider"));
    const ssp = toSystemOscalSsp(await tracking());
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    const [, platform] = ssp["system-security-plan"]["system-implementation"].components;
    const workloads = requirementOf(ssp, "cloud", "workload-security")["by-components"]!;
    expect(workloads.map((b) => b["component-uuid"])).toEqual([platform!.uuid]);
    // Contain's SSP does not provide these (they are the managed service's customer's): no provided-uuid.
    expect(workloads[0]!.inherited!.every((i) => i["provided-uuid"] === undefined)).toBe(true);
  });

  test("refuses a system that no longer fits its services", async () => {
    const { tracking } = await customerSystem(shopSystem());
    const error = await refusal(
      Promise.resolve().then(async () => toSystemOscalSsp({ ...(await tracking()), tracked: null })),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/no longer fits its services/);
  });
});
