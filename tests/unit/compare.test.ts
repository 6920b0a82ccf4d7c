import { describe, expect, test } from "vitest";
import {
  areaMatchKey,
  compareHands,
  describeHands,
  handOf,
  modelColumns,
  openModels,
  serviceColumns,
  summarizeHands,
  type HandsArea,
  type HandsColumnInput,
} from "@/lib/model/compare-hands";
import type { AssignmentValue } from "@/lib/domain/assignment";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

const services = { one: "service", many: "services" };

function area(name: string, assignment: AssignmentValue, parties: string[] = [assignment]): HandsArea {
  return { key: name.toLowerCase().replace(/\W+/g, "-"), name, assignment, parties };
}

function column(key: string, areas: HandsArea[]): HandsColumnInput {
  return { key, name: key.toUpperCase(), note: null, service: key, model: null, areas };
}

function seedServices(slug: string) {
  const doc = providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug));
  return { doc, services: doc.services.map((s) => documentToServiceDetail(doc, s.slug)!) };
}

describe("which areas change hands", () => {
  test("the same area means the same name, ignoring case, punctuation and & versus and", () => {
    expect(areaMatchKey("Backups & Snapshots")).toBe(areaMatchKey("backups and  snapshots"));
    expect(areaMatchKey("Identity/Access")).toBe(areaMatchKey("identity access"));
    expect(areaMatchKey("Hosting & CDN")).not.toBe(areaMatchKey("Hosting"));
  });

  test("a hand is the assignment and its parties, in any order", () => {
    expect(handOf({ assignment: "shared", parties: ["provider", "customer"] })).toBe(
      handOf({ assignment: "shared", parties: ["customer", "provider"] }),
    );
    expect(handOf({ assignment: "third-party", parties: ["a"] })).not.toBe(
      handOf({ assignment: "third-party", parties: ["b"] }),
    );
  });

  test("changing areas come first, most different hands first; stable and single areas are set apart", () => {
    const result = compareHands([
      column("a", [
        area("Data", "customer"),
        area("Network", "provider"),
        area("Backups", "shared"),
        area("Only A", "provider"),
      ]),
      column("b", [area("Backups", "customer"), area("network", "provider"), area("data", "provider")]),
      column("c", [area("Backups", "provider"), area("Data", "customer")]),
    ]);
    expect(result.changing.map((r) => [r.name, r.distinctHands])).toEqual([
      ["Backups", 3],
      ["Data", 2],
    ]);
    expect(result.changing[1]!.cells.map((c) => c?.assignment ?? null)).toEqual(["customer", "provider", "customer"]);
    // Each cell keeps its own area key and name, for the link to its row.
    expect(result.changing[1]!.cells[1]).toMatchObject({ area: "data", name: "data" });
    expect(result.stable.map((r) => [r.name, r.cells.map((c) => c?.assignment ?? null)])).toEqual([
      ["Network", ["provider", "provider", null]],
    ]);
    expect(result.onlyInOne).toEqual([{ name: "Only A", column: "A" }]);
    expect(result.columns.map((c) => [c.key, c.areaCount, c.providerCount])).toEqual([
      ["a", 4, 2],
      ["b", 3, 2],
      ["c", 2, 1],
    ]);
  });

  test("an area carried by other parties under the same assignment changes hands", () => {
    const result = compareHands([
      column("a", [area("Hardware", "third-party", ["aws"])]),
      column("b", [area("Hardware", "third-party", ["gcp"])]),
    ]);
    expect(result.changing.map((r) => r.distinctHands)).toEqual([2]);
  });

  test("a name repeated in one column pairs with its namesake of the same rank elsewhere", () => {
    const result = compareHands([
      column("a", [area("Marketplace", "provider"), { ...area("Marketplace", "customer"), key: "m2" }]),
      column("b", [area("Marketplace", "provider"), { ...area("Marketplace", "shared"), key: "m2" }]),
    ]);
    expect(result.stable.map((r) => r.key)).toEqual(["marketplace"]);
    expect(result.changing.map((r) => [r.key, r.cells.map((c) => c?.area)])).toEqual([["marketplace#2", ["m2", "m2"]]]);
  });
});

describe("the sentence under the title", () => {
  const noun = { providerName: "Acme", noun: services };

  test("says when there is nothing to compare", () => {
    expect(describeHands(compareHands([]), noun)).toBe("There are no services: nothing to compare.");
    expect(describeHands(compareHands([column("a", [area("X", "provider")])]), noun)).toBe(
      "There is only one service: nothing to compare.",
    );
    const apart = compareHands([column("a", [area("X", "provider")]), column("b", [area("Y", "provider")])]);
    expect(describeHands(apart, noun)).toBe("The 2 services have no area in common, so nothing can change hands.");
  });

  test("says when nothing changes hands, without a claim about the provider", () => {
    const same = compareHands([
      column("a", [area("X", "provider"), area("Y", "customer")]),
      column("b", [area("X", "provider"), area("Y", "customer")]),
    ]);
    expect(summarizeHands(same)).toEqual({ compared: 2, changing: 0, providerMost: null });
    expect(describeHands(same, noun)).toBe(
      "None of the 2 areas the 2 services have in common changes hands: each is assigned alike wherever it appears.",
    );
  });

  test("names where the provider carries the most of what changes hands, ties included", () => {
    const result = compareHands([
      column("a", [area("X", "customer"), area("Y", "customer"), area("Z", "shared")]),
      column("b", [area("X", "provider"), area("Y", "provider"), area("Z", "customer")]),
      column("c", [area("X", "provider"), area("Y", "customer"), area("Z", "customer")]),
    ]);
    expect(describeHands(result, noun)).toBe(
      "3 of the 3 areas the 3 services have in common change hands. Of those, Acme alone carries the most in B (2 of 3).",
    );
    const tie = compareHands([
      column("a", [area("X", "customer"), area("Y", "customer")]),
      column("b", [area("X", "provider"), area("Y", "customer")]),
      column("c", [area("X", "provider"), area("Y", "shared")]),
    ]);
    expect(summarizeHands(tie).providerMost).toEqual({ columns: ["B", "C"], count: 1 });
    expect(describeHands(tie, noun)).toContain("Acme alone carries the most in B and C alike (1 of 2).");
  });

  test("makes no claim when every column ties", () => {
    const even = compareHands([
      column("a", [area("X", "customer"), area("Y", "provider")]),
      column("b", [area("X", "provider"), area("Y", "customer")]),
    ]);
    expect(summarizeHands(even).providerMost).toBeNull();
    expect(describeHands(even, noun)).toBe("2 of the 2 areas the 2 services have in common change hands.");
  });
});

describe("over the seed providers", () => {
  test("DanubeData: the areas its services have in common are assigned alike; the sentence counts them", () => {
    const { services: danube } = seedServices("danubedata");
    const result = compareHands(serviceColumns(danube));
    expect(result.columns.map((c) => c.key)).toEqual(danube.map((s) => s.slug));
    const physical = result.stable.find((r) => r.name === "Physical Infrastructure");
    expect(physical?.cells.filter((c) => c?.assignment === "provider")).toHaveLength(7);
    expect(result.stable.find((r) => r.key === "backups")?.cells.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(result.changing).toEqual([]);
    for (const row of result.stable) expect(row.cells.filter(Boolean).length, row.name).toBeGreaterThanOrEqual(2);
    const areaCount = danube.reduce((n, s) => n + s.areas.length, 0);
    const inRows = result.stable.reduce((n, r) => n + r.cells.filter(Boolean).length, 0);
    expect(inRows + result.onlyInOne.length).toBe(areaCount);
    expect(describeHands(result, { providerName: "DanubeData", noun: services })).toBe(
      `None of the ${result.stable.length} areas the ${danube.length} services have in common changes hands: each is assigned alike wherever it appears.`,
    );
  });

  test("Contain's deployment models: the infrastructure changes hands three ways, the control plane under Cloud Services", () => {
    const { services: contain } = seedServices("contain");
    expect(contain).toHaveLength(1);
    const platform = contain[0]!;
    const result = compareHands(modelColumns(platform));
    // Groups first, each followed by its variants; models the source leaves open are listed apart.
    const compared = platform.deploymentModels.filter((m) => !m.open);
    expect(result.columns.map((c) => c.key).sort()).toEqual(compared.map((m) => m.key).sort());
    expect(openModels(platform).sort()).toEqual(
      platform.deploymentModels
        .filter((m) => m.open)
        .map((m) => m.name)
        .sort(),
    );
    const keys = result.columns.map((c) => c.key);
    expect(keys.indexOf("public-cloud")).toBeLessThan(keys.indexOf("cloud-services"));
    expect(result.columns.find((c) => c.key === "cloud-services")?.note).toBe("Variant of Public Cloud");
    expect(result.columns.every((c) => c.service === platform.slug && c.model === c.key)).toBe(true);

    const [infrastructure, controlPlane, ...rest] = result.changing;
    expect(rest).toEqual([]);
    expect(infrastructure?.name).toBe("Underlying Infrastructure");
    expect(infrastructure?.distinctHands).toBe(3);
    const holder = (model: string) => infrastructure?.cells[keys.indexOf(model)]?.assignment;
    expect(["customer-datacenters", "public-cloud", "contain-datacenters"].map(holder)).toEqual([
      "customer",
      "third-party",
      "provider",
    ]);
    expect(controlPlane?.name).toBe("Kubernetes Control Plane");
    expect(controlPlane?.cells.map((c) => c?.assignment === "third-party")).toEqual(
      keys.map((key) => key === "cloud-services"),
    );
    // Every area of the service is in every model, and each cell points at a real row.
    const areaKeys = new Set(platform.areas.map((a) => a.key));
    expect(result.stable.length + result.changing.length).toBe(platform.areas.length);
    expect(result.onlyInOne).toEqual([]);
    for (const row of [...result.changing, ...result.stable])
      for (const cell of row.cells) expect(areaKeys.has(cell!.area), row.name).toBe(true);
    expect(describeHands(result, { providerName: "Contain", noun: { one: "model", many: "models" } })).toMatch(
      new RegExp(
        `^2 of the ${platform.areas.length} areas the ${keys.length} models have in common change hands\\. Of those, Contain alone carries the most in Contain Datacenters`,
      ),
    );
  });

  test("a model whose responsibilities the source leaves open is not compared", () => {
    const platform = seedServices("contain").services[0]!;
    const withOpen = {
      ...platform,
      deploymentModels: platform.deploymentModels.map((m) => (m.key === "cloud-services" ? { ...m, open: true } : m)),
    };
    expect(modelColumns(withOpen).map((c) => c.key)).not.toContain("cloud-services");
    expect(modelColumns(withOpen)).toHaveLength(modelColumns(platform).length - 1);
    expect(openModels(withOpen)).toContain("Cloud Services");
    // Without it, only the infrastructure changes hands.
    expect(compareHands(modelColumns(withOpen)).changing.map((r) => r.name)).toEqual(["Underlying Infrastructure"]);
  });
});
