import { describe, expect, test } from "vitest";
import {
  applyDeploymentModel,
  deploymentModelTree,
  modelAssignmentChain,
  type EffectiveService,
} from "@/lib/model/deployment-model";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import type { AreaDto, ComponentDto, DeploymentModelDto, LayerDto, PartyDto } from "@/lib/validation/api";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

// A Contain-like service: three layers, two areas, deployment models with a group and variants.
function component(key: string, assignment: ComponentDto["assignment"], parties: string[]): ComponentDto {
  return {
    key,
    name: key,
    description: null,
    assignment,
    parties,
    instances: 1,
    interpretation: null,
    area: null,
    areaInterpretation: null,
    markerOn: null,
  };
}

function layer(key: string, position: number, components: ComponentDto[]): LayerDto {
  return {
    key,
    name: key,
    description: null,
    position,
    assignment: null,
    parties: [],
    interpretation: null,
    area: null,
    areaInterpretation: null,
    components,
  };
}

/** Keys differ from names on purpose: deployment models name areas by key. */
function area(key: string, name: string, assignment: AreaDto["assignment"], parties: string[]): AreaDto {
  return {
    key,
    name,
    position: 0,
    group: null,
    assignment,
    parties,
    raciAssignment: null,
    assignmentReason: null,
    caiq: { ownership: "CSP-owned", exact: true },
    cells: [],
    references: [],
    notes: null,
    interpretation: null,
    layer: null,
    plane: null,
  };
}

type Assignment = DeploymentModelDto["assignments"][number];
const onComponent = (
  ref: string,
  assignment: Assignment["assignment"],
  parties: string[],
  interpretation: string | null = null,
): Assignment => ({
  component: ref,
  area: null,
  assignment,
  parties,
  interpretation,
});
const onArea = (key: string, assignment: Assignment["assignment"], parties: string[]): Assignment => ({
  component: null,
  area: key,
  assignment,
  parties,
  interpretation: null,
});

function model(key: string, group: string | null, assignments: Assignment[]): DeploymentModelDto {
  return { key, name: key.toUpperCase(), description: null, group, interpretation: null, open: false, assignments };
}

const layers: LayerDto[] = [
  layer("infrastructure", 0, [
    component("hardware", "provider", ["contain"]),
    component("network", "provider", ["contain"]),
  ]),
  layer("platform", 1, [
    component("control-plane", "provider", ["contain"]),
    component("worker-nodes", "provider", ["contain"]),
  ]),
  layer("application", 2, [component("code", "customer", ["customer"])]),
];

const areas: AreaDto[] = [
  area("physical-security", "Physical security", "provider", ["contain"]),
  area("backups", "Backups", "shared", ["customer", "contain"]),
];

const deploymentModels: DeploymentModelDto[] = [
  // Group: the customer runs the datacenter.
  model("customer-datacenters", null, [
    onComponent(
      "infrastructure/hardware",
      "customer",
      ["customer"],
      "Read from the figure: the customer owns the racks.",
    ),
    onComponent("infrastructure/network", "customer", ["customer"]),
    onArea("physical-security", "customer", ["customer"]),
  ]),
  model("public-cloud", null, [onComponent("infrastructure/hardware", "third-party", ["hyperscaler"])]),
  // Variant: same as the group, except the network is shared.
  model("air-gapped", "customer-datacenters", [
    onComponent("infrastructure/network", "shared", ["customer", "contain"]),
  ]),
  // Variant that restates a default (not a change) and re-overrides the group's area.
  model("customer-iaas", "customer-datacenters", [
    onComponent("platform/control-plane", "provider", ["contain"]),
    onArea("physical-security", "shared", ["customer", "contain"]),
  ]),
];

const parties: PartyDto[] = [
  { key: "contain", name: "Contain", role: "provider", description: null },
  { key: "customer", name: "Customer", role: "customer", description: null },
];

const service = { areas, layers, deploymentModels, parties };

function comp(result: EffectiveService, layerKey: string, key: string) {
  const found = result.layers.find((l) => l.key === layerKey)?.components.find((c) => c.key === key);
  if (!found) throw new Error(`no ${layerKey}/${key}`);
  return found;
}

function areaOf(result: EffectiveService, name: string) {
  const found = result.areas.find((a) => a.name === name);
  if (!found) throw new Error(`no area ${name}`);
  return found;
}

describe("applyDeploymentModel", () => {
  test("no model: defaults unchanged, nothing overridden", () => {
    const result = applyDeploymentModel(service, null);
    expect(result.model).toBeNull();
    expect(result.group).toBeNull();
    expect(result.layers.map((l) => l.key)).toEqual(["infrastructure", "platform", "application"]);
    expect(comp(result, "infrastructure", "hardware")).toMatchObject({
      assignment: "provider",
      parties: ["contain"],
      overridden: false,
    });
    expect(result.areas.every((a) => !a.overridden)).toBe(true);
    expect(result.layers.flatMap((l) => l.components).every((c) => !c.overridden)).toBe(true);
  });

  test("unknown key: null model and unchanged defaults (caller decides 404 vs ignore)", () => {
    const result = applyDeploymentModel(service, "does-not-exist");
    expect(result.model).toBeNull();
    expect(comp(result, "infrastructure", "hardware").assignment).toBe("provider");
    expect(areaOf(result, "Physical security").assignment).toBe("provider");
    expect(applyDeploymentModel(service, "").model).toBeNull();
  });

  test("a top-level model overrides the components and areas it names, and only those", () => {
    const result = applyDeploymentModel(service, "customer-datacenters");
    expect(result.model?.key).toBe("customer-datacenters");
    expect(result.group).toBeNull();
    expect(comp(result, "infrastructure", "hardware")).toMatchObject({
      assignment: "customer",
      parties: ["customer"],
      overridden: true,
      interpretation: "Read from the figure: the customer owns the racks.",
    });
    expect(comp(result, "infrastructure", "network")).toMatchObject({ assignment: "customer", overridden: true });
    expect(comp(result, "platform", "control-plane")).toMatchObject({ assignment: "provider", overridden: false });
    expect(areaOf(result, "Physical security")).toMatchObject({
      assignment: "customer",
      parties: ["customer"],
      // The CAIQ mapping follows the assignment in force, not the default's.
      caiq: { ownership: "CSC-owned", exact: true },
      overridden: true,
    });
    expect(areaOf(result, "Backups")).toMatchObject({ assignment: "shared", overridden: false });
  });

  test("an override without an interpretation of its own keeps the row's", () => {
    const explained = areas.map((a) => ({ ...a, interpretation: `Why ${a.name}` }));
    const result = applyDeploymentModel({ ...service, areas: explained }, "customer-datacenters");
    expect(areaOf(result, "Physical security")).toMatchObject({
      overridden: true,
      interpretation: "Why Physical security",
    });
  });

  test("a variant inherits its group's assignments", () => {
    const result = applyDeploymentModel(service, "air-gapped");
    expect(result.model?.key).toBe("air-gapped");
    expect(result.group?.key).toBe("customer-datacenters");
    // From the group:
    expect(comp(result, "infrastructure", "hardware")).toMatchObject({ assignment: "customer", overridden: true });
    expect(areaOf(result, "Physical security")).toMatchObject({ assignment: "customer", overridden: true });
  });

  test("a variant's own assignment overrides its group's", () => {
    const airGapped = applyDeploymentModel(service, "air-gapped");
    expect(comp(airGapped, "infrastructure", "network")).toMatchObject({
      assignment: "shared",
      parties: ["customer", "contain"],
      overridden: true,
    });
    const iaas = applyDeploymentModel(service, "customer-iaas");
    expect(areaOf(iaas, "Physical security")).toMatchObject({ assignment: "shared", parties: ["customer", "contain"] });
    // The sibling variant's override does not leak:
    expect(comp(iaas, "infrastructure", "network")).toMatchObject({ assignment: "customer" });
  });

  test("restating the default is not marked as overridden", () => {
    const result = applyDeploymentModel(service, "customer-iaas");
    expect(comp(result, "platform", "control-plane")).toMatchObject({ assignment: "provider", overridden: false });
  });

  test("party order alone is not a change; a different party is", () => {
    const svc = {
      areas,
      layers,
      parties,
      deploymentModels: [
        model("x", null, [
          onArea("backups", "shared", ["contain", "customer"]),
          onComponent("application/code", "customer", ["other"]),
        ]),
      ],
    };
    const result = applyDeploymentModel(svc, "x");
    expect(areaOf(result, "Backups").overridden).toBe(false);
    expect(comp(result, "application", "code").overridden).toBe(true);
  });

  test("an assignment naming an area by its name (not its key) overrides nothing", () => {
    const svc = {
      areas,
      layers,
      parties,
      deploymentModels: [model("x", null, [onArea("Backups", "customer", ["customer"])])],
    };
    expect(areaOf(applyDeploymentModel(svc, "x"), "Backups")).toMatchObject({
      assignment: "shared",
      overridden: false,
    });
  });

  test("Contain's seed: the models move the underlying infrastructure area, named by key", () => {
    const doc = providerDocumentSchema.parse(seedProviders.find((p) => p.slug === "contain"));
    const platform = documentToServiceDetail(doc, "platform")!;
    const infrastructure = (key: string) =>
      applyDeploymentModel(platform, key).areas.find((a) => a.key === "underlying-infrastructure");
    expect(infrastructure("customer-datacenters")).toMatchObject({
      assignment: "customer",
      parties: ["customer"],
      overridden: true,
    });
    expect(infrastructure("public-cloud")).toMatchObject({
      assignment: "third-party",
      parties: ["hyperscaler"],
      overridden: true,
    });
    const managed = applyDeploymentModel(platform, "cloud-services").areas.find(
      (a) => a.key === "kubernetes-control-plane",
    );
    expect(managed).toMatchObject({ assignment: "third-party", parties: ["hyperscaler"], overridden: true });
  });

  test("does not mutate the input", () => {
    const before = JSON.stringify(service);
    const result = applyDeploymentModel(service, "air-gapped");
    comp(result, "infrastructure", "hardware").parties.push("mutated");
    expect(JSON.stringify(service)).toBe(before);
  });

  test("the chain puts the group's assignments first; cycles are cut", () => {
    const variant = deploymentModels.find((m) => m.key === "air-gapped");
    if (!variant) throw new Error("fixture");
    const chain = modelAssignmentChain(deploymentModels, variant);
    expect(chain.map((a) => a.component ?? a.area)).toEqual([
      "infrastructure/hardware",
      "infrastructure/network",
      "physical-security",
      "infrastructure/network",
    ]);
    const cyclic = [model("a", "b", [onArea("backups", "customer", ["customer"])]), model("b", "a", [])];
    const result = applyDeploymentModel({ areas, layers, parties, deploymentModels: cyclic }, "a");
    expect(areaOf(result, "Backups").assignment).toBe("customer");
  });
});

describe("deploymentModelTree", () => {
  test("groups with their variants, in the original order", () => {
    const tree = deploymentModelTree(deploymentModels);
    expect(tree.map((g) => [g.model.key, g.variants.map((v) => v.key)])).toEqual([
      ["customer-datacenters", ["air-gapped", "customer-iaas"]],
      ["public-cloud", []],
    ]);
  });

  test("a variant listed before its group still lands under it; an unknown group makes it top-level", () => {
    const tree = deploymentModelTree([
      model("variant", "group", []),
      model("orphan", "missing", []),
      model("group", null, []),
    ]);
    expect(tree.map((g) => [g.model.key, g.variants.map((v) => v.key)])).toEqual([
      ["orphan", []],
      ["group", ["variant"]],
    ]);
  });

  test("empty and cyclic inputs do not lose models", () => {
    expect(deploymentModelTree([])).toEqual([]);
    const tree = deploymentModelTree([model("a", "b", []), model("b", "a", [])]);
    expect(tree.map((g) => g.model.key).sort()).toEqual(["a", "b"]);
  });
});
