// The resolution rule of a customer's system on hand-made chains: who carries each duty once the
// stack's bindings are followed, where it came from, and what is left open.
import { describe, expect, test } from "vitest";
import {
  checkSystem,
  countSystem,
  resolveSystem,
  type Carrier,
  type ResolvedSystem,
  type SystemBindingInput,
  type SystemTierInput,
} from "@/lib/model/system-resolution";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "../factories/provider-document";

type Service = ProviderDocumentInput["services"][number];
type Area = Service["areas"][number];

const duties = (party: string, ...texts: string[]) => ({ party, duties: texts.map((text) => ({ text })) });

/** A one-service provider; `third` adds a third party of that key. */
function provider(name: string, areas: Area[], options: { third?: string; models?: Service["deploymentModels"] } = {}) {
  const base = makeProviderDocument();
  const document = providerDocumentSchema.parse({
    ...base,
    name,
    parties: [
      { key: "provider", name, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      ...(options.third ? [{ key: options.third, name: `The ${options.third}`, role: "third-party" }] : []),
    ],
    services: [{ ...base.services[0]!, name: `${name} service`, areas, deploymentModels: options.models ?? [] }],
  });
  return (key: string, model: string | null = null): SystemTierInput => ({
    key,
    service: documentToServiceDetail(document, document.services[0]!.slug)!,
    model,
  });
}

// A platform that runs on a hyperscaler under one deployment model.
const platform = provider(
  "Plat",
  [
    {
      key: "infra",
      name: "Infrastructure",
      assignment: "provider",
      cells: [duties("provider", "Run servers"), duties("hyperscaler", "Rent out servers")],
    },
    { key: "apps", name: "Applications", assignment: "customer", cells: [duties("customer", "Deploy apps")] },
    {
      key: "security",
      name: "Security",
      assignment: "shared",
      cells: [duties("provider", "Patch the platform"), duties("customer", "Use it securely")],
    },
    { key: "backup", name: "Backups", assignment: "third-party", parties: ["hyperscaler"], cells: [] },
  ],
  {
    third: "hyperscaler",
    models: [
      {
        key: "on-cloud",
        name: "On a cloud",
        assignments: [{ area: "infra", assignment: "third-party", parties: ["hyperscaler"] }],
      },
    ],
  },
);
// An IaaS that itself sits in a colocation facility.
const iaas = provider(
  "IaaS Co",
  [
    { key: "datacenter", name: "Datacenter", assignment: "third-party", parties: ["colo"], cells: [] },
    { key: "hosts", name: "Hosts", assignment: "provider", cells: [duties("provider", "Patch hypervisors")] },
    { key: "vms", name: "Virtual machines", assignment: "customer", cells: [duties("customer", "Harden VMs")] },
  ],
  { third: "colo" },
);
const colo = provider("Colo", [
  { key: "power", name: "Power", assignment: "provider", cells: [duties("provider", "Keep the power on")] },
  { key: "access", name: "Access", assignment: "customer", cells: [duties("customer", "Keep the badge list")] },
]);

const bind = (
  upperTier: string,
  party: string,
  lowerTier: string,
  contractHolder: SystemBindingInput["contractHolder"],
  coverage: SystemBindingInput["coverage"] = {},
): SystemBindingInput => ({ upperTier, party, lowerTier, contractHolder, coverage });

/** Every duty as "tier/area: text → carrier". */
function carried(system: ResolvedSystem): string[] {
  const who = (c: Carrier) =>
    c.kind === "organization"
      ? "organization"
      : c.kind === "provider"
        ? c.name
        : c.kind === "unbound"
          ? `unbound ${c.name}`
          : `${c.name} via ${c.lowerTier}`;
  return system.tiers.flatMap((t) =>
    t.areas.flatMap((a) => a.duties.map((d) => `${t.key}/${a.key}: ${d.text} → ${who(d.carrier)}`)),
  );
}

function resolve(tiers: SystemTierInput[], bindings: SystemBindingInput[] = []): ResolvedSystem {
  expect(checkSystem(tiers, bindings)).toEqual([]);
  return resolveSystem(tiers, bindings);
}

describe("one tier", () => {
  test("the provider keeps its duties, the customer's go to the organization, a third party nobody binds is a gap", () => {
    const system = resolve([platform("top")]);
    expect(carried(system)).toEqual([
      "top/infra: Run servers → Plat",
      "top/apps: Deploy apps → organization",
      "top/security: Patch the platform → Plat",
      "top/security: Use it securely → organization",
      "top/backup: Backups → unbound The hyperscaler",
    ]);
    // The area names the hyperscaler without a duty of its own: the area itself is the duty.
    expect(system.tiers[0]!.areas[3]!.duties[0]!.implicit).toBe(true);
    expect(system.gaps).toEqual([
      {
        kind: "unbound-third-party",
        tier: "top",
        party: "hyperscaler",
        partyName: "The hyperscaler",
        areas: ["backup"],
      },
    ]);
  });

  test("a deployment model that hands an area to the third party moves its duties", () => {
    const system = resolve([platform("top", "on-cloud")]);
    expect(carried(system).slice(0, 1)).toEqual(["top/infra: Rent out servers → unbound The hyperscaler"]);
    expect(system.tiers[0]!.areas[0]!.overridden).toBe(true);
    expect(system.gaps).toEqual([expect.objectContaining({ kind: "unbound-third-party", areas: ["infra", "backup"] })]);
  });
});

describe("two tiers", () => {
  const tiers = () => [platform("top", "on-cloud"), iaas("base")];

  test("the upper provider holds the contract: the lower customer's duties are the upper provider's", () => {
    const system = resolve(tiers(), [bind("top", "hyperscaler", "base", "upper-provider", { infra: ["hosts"] })]);
    expect(carried(system)).toContain("base/vms: Harden VMs → Plat");
    expect(carried(system)).toContain("top/infra: Rent out servers → The hyperscaler via base");
    expect(system.tiers[1]!.customer).toEqual({ kind: "provider", tier: "top", name: "Plat" });
    expect(system.tiers[1]!.boundFrom).toEqual({ tier: "top", party: "hyperscaler" });
  });

  test("the organization holds the contract: the lower customer's duties are the organization's", () => {
    const system = resolve(tiers(), [bind("top", "hyperscaler", "base", "organization", { infra: ["hosts"] })]);
    expect(carried(system)).toContain("base/vms: Harden VMs → organization");
    expect(carried(system)).toContain("base/hosts: Patch hypervisors → IaaS Co");
  });

  test("provenance: a covering area names the upper area it covers; others name the binding", () => {
    const system = resolve(tiers(), [bind("top", "hyperscaler", "base", "organization", { infra: ["hosts"] })]);
    const duty = (area: string) => system.tiers[1]!.areas.find((a) => a.key === area)!.duties[0]!;
    expect(duty("hosts").provenance.map((s) => [s.tier, s.areaKey, s.party])).toEqual([
      ["top", "infra", "hyperscaler"],
      ["base", "hosts", "provider"],
    ]);
    expect(duty("vms").provenance.map((s) => [s.tier, s.areaKey, s.party])).toEqual([
      ["top", null, "hyperscaler"],
      ["base", "vms", "customer"],
    ]);
  });

  test("an area delegated to the lower tier that no lower area covers is a gap", () => {
    const system = resolve(tiers(), [bind("top", "hyperscaler", "base", "organization", { infra: ["hosts"] })]);
    expect(system.gaps).toContainEqual({
      kind: "not-covered",
      tier: "top",
      area: "backup",
      areaName: "Backups",
      lowerTier: "base",
    });
    expect(system.gaps.some((g) => g.kind === "unbound-third-party" && g.tier === "top")).toBe(false);
  });
});

describe("three tiers", () => {
  test("each binding's contract holder carries its tier's customer duties, and provenance runs the whole chain", () => {
    const system = resolve(
      [platform("top", "on-cloud"), iaas("base"), colo("facility")],
      [
        bind("top", "hyperscaler", "base", "organization", { infra: ["hosts"], backup: ["vms"] }),
        bind("base", "colo", "facility", "upper-provider", { datacenter: ["power", "access"] }),
      ],
    );
    expect(carried(system)).toContain("facility/access: Keep the badge list → IaaS Co");
    // Each duty counted once, where it lands; the parts add up.
    expect(countSystem(system)).toEqual({
      total: 10,
      organization: 3,
      providers: [
        { name: "Plat", duties: 1 },
        { name: "IaaS Co", duties: 2 },
        { name: "Colo", duties: 1 },
      ],
      delegated: 3,
      unbound: 0,
    });
    expect(carried(system)).toContain("facility/power: Keep the power on → Colo");
    expect(system.gaps).toEqual([]);
    const badge = system.tiers[2]!.areas.find((a) => a.key === "access")!.duties[0]!;
    expect(badge.provenance.map((s) => [s.tier, s.areaKey, s.party])).toEqual([
      ["top", null, "hyperscaler"],
      ["base", "datacenter", "colo"],
      ["facility", "access", "customer"],
    ]);
  });
});

describe("checking a system", () => {
  test("refuses self-bindings, upward bindings, a tier bound twice, unknown parties, models and areas", () => {
    const tiers = [platform("top", "no-such-model"), iaas("base"), colo("facility")];
    const problems = checkSystem(tiers, [
      bind("top", "hyperscaler", "top", "organization"),
      bind("base", "colo", "top", "organization"),
      bind("top", "hyperscaler", "facility", "organization", { infra: ["nowhere"] }),
      bind("base", "colo", "facility", "organization"),
      bind("top", "customer", "base", "organization"),
    ]);
    expect(problems).toEqual([
      { path: "tiers.0.model", message: expect.stringMatching(/has no deployment model "no-such-model"/) },
      { path: "bindings.0", message: "A tier cannot be bound to itself." },
      { path: "bindings.1", message: "A binding hands a third party to a tier below the one that names it." },
      { path: "bindings.1", message: "A tier can be bound once: it has one contract holder." },
      { path: "bindings.2.coverage.infra", message: expect.stringMatching(/has no area "nowhere"/) },
      { path: "bindings.3", message: "A tier can be bound once: it has one contract holder." },
      { path: "bindings.4.party", message: expect.stringMatching(/names no third party "customer"/) },
    ]);
  });

  test("an area that names nobody is a gap", () => {
    // Documents cannot say so (the schema refuses it), but the rule does not rely on that.
    const tier = provider("Lonely", [{ key: "orphan", name: "Orphan", assignment: "provider", cells: [] }])("only");
    const [area] = tier.service.areas;
    tier.service.areas = [{ ...area!, assignment: "third-party", parties: [] }];
    expect(resolve([tier]).gaps).toEqual([{ kind: "nobody", tier: "only", area: "orphan", areaName: "Orphan" }]);
  });
});
