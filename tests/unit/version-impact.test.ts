// What a provider's new version changes for an organization, on hand-made services resolved before
// and after: duties that became its own or left it, new words and strengths, areas added, removed,
// renamed or reassigned, ranked so that what needs action stands out.
import { describe, expect, test } from "vitest";
import {
  checkSystem,
  resolveSystem,
  type Carrier,
  type SystemBindingInput,
  type SystemTierInput,
} from "@/lib/model/system-resolution";
import { compareResolutions, type CompareOptions, type ImpactItem, type ImpactSide } from "@/lib/model/version-impact";
import { documentToProviderDetail, documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "../factories/provider-document";

type Service = ProviderDocumentInput["services"][number];
type Area = Service["areas"][number];
type Duty = string | { text: string; strength: "should" | "may" };

const cell = (party: string, ...duties: Duty[]) => ({
  party,
  duties: duties.map((duty) => (typeof duty === "string" ? { text: duty } : duty)),
});

interface ProviderOptions {
  third?: string;
  models?: Service["deploymentModels"];
  crossCutting?: Area[];
}

/** One version of a one-service provider; `third` adds a third party of that key. */
function provider(name: string, areas: Area[], options: ProviderOptions = {}) {
  const base = makeProviderDocument();
  const document = providerDocumentSchema.parse({
    ...base,
    name,
    parties: [
      { key: "provider", name, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      ...(options.third ? [{ key: options.third, name: `The ${options.third}`, role: "third-party" }] : []),
    ],
    crossCuttingAreas: options.crossCutting ?? [],
    services: [{ ...base.services[0]!, name: `${name} service`, areas, deploymentModels: options.models ?? [] }],
  });
  return (key: string, model: string | null = null): SystemTierInput => ({
    key,
    service: documentToServiceDetail(document, document.services[0]!.slug)!,
    crossCuttingAreas: documentToProviderDetail(document).crossCuttingAreas,
    model,
  });
}

const infra: Area = {
  key: "infra",
  name: "Infrastructure",
  assignment: "provider",
  cells: [cell("provider", "Run servers"), cell("hyperscaler", "Rent out servers")],
};
const apps: Area = {
  key: "apps",
  name: "Applications",
  assignment: "customer",
  cells: [cell("customer", "Deploy apps", "Watch apps")],
};
const security: Area = {
  key: "security",
  name: "Security",
  assignment: "shared",
  cells: [cell("provider", "Patch the platform"), cell("customer", "Use it securely")],
};
const onCloud = (assignment: "third-party" | "customer") => ({
  key: "on-cloud",
  name: "On a cloud",
  assignments: [{ area: "infra", assignment, parties: [assignment === "customer" ? "customer" : "hyperscaler"] }],
});

/** A version of the platform: its areas, with some replaced by key (or left out: `null`). */
function platform(changes: Record<string, Area | null> = {}, model = onCloud("third-party")) {
  const areas = [infra, apps, security].flatMap((area) => {
    const changed = changes[area.key];
    return changed === undefined ? [area] : changed === null ? [] : [changed];
  });
  return provider("Plat", areas, { third: "hyperscaler", models: [model] });
}

const iaas = (vmDuties: string[] = ["Harden VMs"]) =>
  provider(
    "IaaS Co",
    [
      { key: "hosts", name: "Hosts", assignment: "provider", cells: [cell("provider", "Patch hypervisors")] },
      { key: "vms", name: "Virtual machines", assignment: "customer", cells: [cell("customer", ...vmDuties)] },
    ],
    { third: "colo" },
  );

/** Resolves the same system before and after, compares, and checks the counts add up. */
function impact(
  before: SystemTierInput[],
  after: SystemTierInput[],
  bindings: SystemBindingInput[] = [],
  options?: CompareOptions,
) {
  expect(checkSystem(before, bindings)).toEqual([]);
  expect(checkSystem(after, bindings)).toEqual([]);
  const result = compareResolutions(resolveSystem(before, bindings), resolveSystem(after, bindings), options);
  expect(result.actionRequired + result.informational).toBe(result.items.length);
  expect(result.actionRequired).toBe(result.items.filter((i) => i.rank === "action-required").length);
  return result;
}

const who = (carrier: Carrier) => (carrier.kind === "organization" ? "organization" : carrier.name);
/** A side in words: the duty "carrier: text (strength)", or the area "name [assignment]". */
const words = (side: ImpactSide | null) =>
  side === null
    ? null
    : side.duty
      ? `${who(side.duty.carrier)}: ${side.duty.text} (${side.duty.strength})`
      : `${side.areaName} [${side.assignment}]`;
const rows = (items: ImpactItem[]) =>
  items.map((i) => [i.kind, i.rank, `${i.tier}/${i.area}`, words(i.before), words(i.after)]);

describe("duties", () => {
  test("a duty the provider hands to the customer becomes the organization's: action required", () => {
    const moved = platform({
      security: {
        ...security,
        cells: [cell("provider", "Monitor the platform"), cell("customer", "Use it securely", "Patch the platform")],
      },
    });
    const result = impact([platform()("top")], [moved("top")]);
    expect(rows(result.items)).toEqual([
      [
        "became-yours",
        "action-required",
        "top/security",
        "Plat: Patch the platform (must)",
        "organization: Patch the platform (must)",
      ],
    ]);
    expect(result.items[0]!.before!.duty).toMatchObject({ party: "provider", carrier: { kind: "provider" } });
    expect(result.items[0]!.after!.duty).toMatchObject({ party: "customer", position: 1 });
    expect(result).toMatchObject({ actionRequired: 1, informational: 0 });
  });

  test("a duty removed, or moved to the provider, leaves the organization: informational", () => {
    const lighter = platform({
      apps: { ...apps, cells: [cell("customer", "Deploy apps")] },
      security: {
        ...security,
        assignment: "provider",
        cells: [cell("provider", "Patch the platform", "Use it securely")],
      },
    });
    const result = impact([platform()("top")], [lighter("top")]);
    expect(rows(result.items)).toEqual([
      ["left-you", "informational", "top/apps", "organization: Watch apps (must)", null],
      ["assignment-changed", "informational", "top/security", "Security [shared]", "Security [provider]"],
      [
        "left-you",
        "informational",
        "top/security",
        "organization: Use it securely (must)",
        "Plat: Use it securely (must)",
      ],
    ]);
    expect(result).toMatchObject({ actionRequired: 0, informational: 3 });
  });

  test("new words at the same place are a text change; a reorder alone is nothing", () => {
    const reworded = platform({ apps: { ...apps, cells: [cell("customer", "Deploy and update apps", "Watch apps")] } });
    expect(rows(impact([platform()("top")], [reworded("top")]).items)).toEqual([
      [
        "text-changed",
        "informational",
        "top/apps",
        "organization: Deploy apps (must)",
        "organization: Deploy and update apps (must)",
      ],
    ]);
    const reordered = platform({ apps: { ...apps, cells: [cell("customer", "Watch apps", "Deploy apps")] } });
    expect(impact([platform()("top")], [reordered("top")]).items).toEqual([]);
  });

  test("a stronger duty needs action (should → must), a weaker one is informational (must → may)", () => {
    const before = platform({
      apps: { ...apps, cells: [cell("customer", { text: "Deploy apps", strength: "should" }, "Watch apps")] },
    });
    const after = platform({
      apps: { ...apps, cells: [cell("customer", "Deploy apps", { text: "Watch apps", strength: "may" })] },
    });
    const result = impact([before("top")], [after("top")]);
    expect(rows(result.items)).toEqual([
      [
        "strength-changed",
        "action-required",
        "top/apps",
        "organization: Deploy apps (should)",
        "organization: Deploy apps (must)",
      ],
      [
        "strength-changed",
        "informational",
        "top/apps",
        "organization: Watch apps (must)",
        "organization: Watch apps (may)",
      ],
    ]);
    expect(result).toMatchObject({ actionRequired: 1, informational: 1 });
  });

  test("duties the provider keeps are none of the organization's business", () => {
    const after = platform({ infra: { ...infra, cells: [cell("provider", "Run more servers")] } });
    expect(impact([platform()("top")], [after("top")]).items).toEqual([]);
  });
});

describe("areas", () => {
  test("the same key with another name is a rename, and nothing else", () => {
    const result = impact([platform()("top")], [platform({ apps: { ...apps, name: "Workloads" } })("top")]);
    expect(rows(result.items)).toEqual([
      ["area-renamed", "informational", "top/apps", "Applications [customer]", "Workloads [customer]"],
    ]);
    expect(result.items[0]!.areaName).toBe("Workloads");
  });

  test("another key is one area removed and one added; the new duties carry the action, not the area", () => {
    const result = impact(
      [platform()("top")],
      [platform({ apps: { ...apps, key: "workloads", name: "Workloads" } })("top")],
    );
    expect(rows(result.items)).toEqual([
      ["area-removed", "informational", "top/apps", "Applications [customer]", null],
      ["left-you", "informational", "top/apps", "organization: Deploy apps (must)", null],
      ["left-you", "informational", "top/apps", "organization: Watch apps (must)", null],
      ["area-added", "informational", "top/workloads", null, "Workloads [customer]"],
      ["became-yours", "action-required", "top/workloads", null, "organization: Deploy apps (must)"],
      ["became-yours", "action-required", "top/workloads", null, "organization: Watch apps (must)"],
    ]);
    expect(result).toMatchObject({ actionRequired: 2, informational: 4 });
  });

  test("a new area that brings the organization nothing is informational", () => {
    const audits: Area = { key: "audits", name: "Audits", assignment: "provider", cells: [cell("provider", "Audit")] };
    const after = provider("Plat", [infra, apps, audits, security], {
      third: "hyperscaler",
      models: [onCloud("third-party")],
    });
    expect(rows(impact([platform()("top")], [after("top")]).items)).toEqual([
      ["area-added", "informational", "top/audits", null, "Audits [provider]"],
    ]);
  });

  test("a deployment model's changed override moves the area to the organization, for a tier that uses the model", () => {
    const after = platform({}, onCloud("customer"));
    const result = impact([platform()("top", "on-cloud")], [after("top", "on-cloud")]);
    expect(rows(result.items)).toEqual([
      [
        "assignment-changed",
        "action-required",
        "top/infra",
        "Infrastructure [third-party]",
        "Infrastructure [customer]",
      ],
      // The customer has no cell of its own there: the area itself is the duty.
      ["became-yours", "action-required", "top/infra", null, "organization: Infrastructure (must)"],
    ]);
    const change = result.items[0]!;
    expect(change.before).toMatchObject({
      overridden: true,
      carriers: [{ kind: "unbound", party: "hyperscaler" }],
      duty: null,
    });
    expect(change.after).toMatchObject({ overridden: true, carriers: [{ kind: "organization" }] });
    // Without the model, its override is not in the resolution.
    expect(impact([platform()("top")], [after("top")]).items).toEqual([]);
  });

  test("a cross-cutting area is keyed apart from a service area with the same key", () => {
    const training = (text: string): Area => ({
      key: "apps",
      name: "Staff training",
      assignment: "customer",
      cells: [cell("customer", text)],
    });
    const version = (text: string) => provider("Plat", [apps], { crossCutting: [training(text)] });
    expect(rows(impact([version("Train staff")("top")], [version("Train all staff")("top")]).items)).toEqual([
      [
        "text-changed",
        "informational",
        "top/~apps",
        "organization: Train staff (must)",
        "organization: Train all staff (must)",
      ],
    ]);
  });
});

describe("the system", () => {
  const bindings = (contractHolder: SystemBindingInput["contractHolder"]): SystemBindingInput[] => [
    { upperTier: "top", party: "hyperscaler", lowerTier: "base", contractHolder, coverage: { infra: ["hosts"] } },
  ];
  const encrypting = iaas(["Harden VMs", "Encrypt disks"]);

  test("a change in a service the system does not contain brings nothing", () => {
    // Subscriptions as a system: one tier per service, nothing bound. An organization that uses the
    // IaaS directly gets its new duty; one that subscribes to the platform alone has no IaaS tier.
    const using = impact([platform()("plat"), iaas()("iaas")], [platform()("plat"), encrypting("iaas")]);
    expect(rows(using.items)).toEqual([
      ["became-yours", "action-required", "iaas/vms", null, "organization: Encrypt disks (must)"],
    ]);
    expect(impact([platform()("plat")], [platform()("plat")], [], { tiers: ["iaas"] }).items).toEqual([]);
    expect(impact([platform()("plat")], [platform()("plat")]).items).toEqual([]);
  });

  test("a duty added to the customer of a bound lower tier is the organization's when it holds that contract", () => {
    const before = [platform()("top", "on-cloud"), iaas()("base")];
    const after = [platform()("top", "on-cloud"), encrypting("base")];
    const result = impact(before, after, bindings("organization"));
    expect(rows(result.items)).toEqual([
      ["became-yours", "action-required", "base/vms", null, "organization: Encrypt disks (must)"],
    ]);
    // When the platform holds the IaaS contract, the new duty is the platform's.
    expect(impact(before, after, bindings("upper-provider")).items).toEqual([]);
    // Compared for the platform's provider only, the IaaS tier is left out.
    expect(impact(before, after, bindings("organization"), { tiers: ["top"] }).items).toEqual([]);
  });

  test("several changes at once: tiers in stack order, areas in order, and the counts add up", () => {
    const after = platform({
      apps: { ...apps, cells: [cell("customer", { text: "Deploy apps", strength: "should" }, "Watch apps", "Log")] },
      security: { ...security, name: "Platform security" },
    });
    const result = impact(
      [platform()("top", "on-cloud"), iaas()("base")],
      [after("top", "on-cloud"), encrypting("base")],
      bindings("organization"),
    );
    expect(result.items.map((i) => [i.kind, `${i.tier}/${i.area}`])).toEqual([
      ["strength-changed", "top/apps"],
      ["became-yours", "top/apps"],
      ["area-renamed", "top/security"],
      ["became-yours", "base/vms"],
    ]);
    expect(result).toMatchObject({ actionRequired: 2, informational: 2 });
  });
});
