// A synthetic provider document shaped like the seed ones (layers, nested groups, duties of every
// strength, N/A and empty cells, RACI letters, framework references, notes, a third party,
// cross-cutting areas, sections, compliance, contacts), of any size, for the PDF benchmark and
// tests. Deterministic: the same arguments give the same document (no clock, no randomness), and
// duty texts are taken from the seed providers so lengths and wrapping are realistic.
import { seedProviders } from "@/prisma/seed";
import type { AreaInput, ProviderDocumentInput, ServiceInput } from "@/lib/validation/provider-document";

const dutyPool = seedProviders.flatMap((p) =>
  [...p.crossCuttingAreas, ...p.services.flatMap((s) => s.areas)].flatMap((a) =>
    a.cells.flatMap((c) => c.duties.map((d) => d.text)),
  ),
);
const names = ["Zugriffsschutz für Größenänderungen", "Łączność sieciowa", "Česká záloha", "Hőmérséklet-figyelés"];

/** A small deterministic sequence (no Math.random, so documents repeat exactly). */
function sequence(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const strengths = [undefined, undefined, undefined, "should", "may", "excluded"] as const;

function makeArea(index: number, pick: (n: number) => number, group: string | undefined, layer?: string): AreaInput {
  const duties = (count: number) =>
    Array.from({ length: count }, () => {
      const strength = strengths[pick(strengths.length)];
      return { text: dutyPool[pick(dutyPool.length)] ?? "Do the work.", ...(strength ? { strength } : {}) };
    });
  const kind = pick(10);
  const raci = index % 7 === 0;
  const base = `${names[index % names.length]} ${index + 1}`;
  const cells: AreaInput["cells"] = [
    kind === 9
      ? { party: "provider", duties: [], notApplicable: true }
      : { party: "provider", duties: duties(1 + pick(4)), ...(raci ? { raci: "RA" } : {}) },
    ...(kind === 8 ? [] : [{ party: "customer", duties: duties(1 + pick(4)), ...(raci ? { raci: "CI" } : {}) }]),
    ...(kind === 7 ? [{ party: "hyperscaler", duties: duties(1) }] : []),
  ];
  return {
    key: `area-${index + 1}`,
    name: base,
    assignment: kind === 9 ? "customer" : kind === 8 ? "provider" : kind === 7 ? "shared" : "shared",
    ...(kind === 7 ? { parties: ["customer", "provider", "hyperscaler"] } : {}),
    ...(group ? { group } : {}),
    ...(layer ? { layer } : {}),
    cells,
    ...(index % 5 === 0 ? { references: [{ framework: "CSA CCM", control: `IAM-${(index % 16) + 1}` }] } : {}),
    ...(index % 6 === 0 ? { notes: "Read from the source's table; the wording is kept as published." } : {}),
    ...(index % 11 === 0 ? { interpretation: "The figure marks this row in two colours; read as shared." } : {}),
  };
}

function makeService(s: number, areaCount: number): ServiceInput {
  const pick = sequence(s + 1);
  const groups = Array.from({ length: 6 }, (_, g) => [
    { key: `g${g + 1}`, title: `Domain ${g + 1}`, number: `${g + 1}` },
    ...Array.from({ length: 3 }, (_, h) => ({
      key: `g${g + 1}-${h + 1}`,
      title: `Topic ${g + 1}.${h + 1}`,
      number: `${g + 1}.${h + 1}`,
      parent: `g${g + 1}`,
      ...(h === 0 ? { description: "Controls grouped as the source groups them." } : {}),
    })),
  ]).flat();
  const leafGroups = groups.filter((g) => "parent" in g);
  const layers = ["hardware", "platform", "workloads"];
  return {
    slug: `service-${s + 1}`,
    name: `Synthetic Service ${s + 1} (Größe ${areaCount})`,
    category: "PaaS",
    summary: "A synthetic service shaped like the seed documents, for benchmarks and tests.",
    groups,
    areas: Array.from({ length: areaCount }, (_, i) =>
      makeArea(
        s * 1000 + i,
        pick,
        leafGroups[Math.floor((i * leafGroups.length) / areaCount)]?.key,
        layers[i % layers.length],
      ),
    ),
    layers: [
      { key: "hardware", name: "Hardware", assignment: "third-party", parties: ["hyperscaler"], components: [] },
      {
        key: "platform",
        name: "Platform",
        assignment: "provider",
        components: [
          { key: "api", name: "API", assignment: "provider" },
          { key: "os", name: "Operating system", assignment: "best-effort", instances: 3 },
          { key: "network", name: "Network", assignment: "shared", parties: ["customer", "provider"] },
        ],
      },
      {
        key: "workloads",
        name: "Workloads",
        assignment: "customer",
        components: [{ key: "apps", name: "Applications", assignment: "customer" }],
      },
    ],
    deploymentModels: [],
  };
}

/** A provider with `services` services of `areasPerService` areas each, plus `crossCutting` areas. */
export function syntheticProviderDocument(options: {
  services: number;
  areasPerService: number;
  crossCutting?: number;
}): ProviderDocumentInput {
  const pick = sequence(99);
  return {
    slug: "synthetic-provider",
    name: "Synthetic Provider Größenwerk",
    summary: "A synthetic provider (äöü ß é ő ł č) whose model is generated for benchmarks and tests.",
    brandColor: "#334155",
    source: {
      title: "Synthetic source",
      document: "tests/bench/synthetic-provider.ts",
      url: "https://example.com/synthetic",
      retrieved: "2025-01-01",
    },
    parties: [
      { key: "provider", role: "provider", name: "Synthetic Provider" },
      { key: "customer", role: "customer", name: "Customer" },
      { key: "hyperscaler", role: "third-party", name: "Hyperscaler" },
    ],
    compliance: [{ kind: "framework", name: "ISO/IEC 27001", clause: "A.5.23", notes: "Cloud services." }],
    contacts: [{ kind: "email", label: "Security", value: "security@example.com", purpose: "Vulnerability reports" }],
    sections: [
      {
        slug: "reading",
        title: "Reading this model",
        body: "The rows are **synthetic**.\n\n- One\n- Two\n  - Nested\n\n1. First\n2. Second",
      },
    ],
    crossCuttingGroups: [],
    crossCuttingAreas: Array.from({ length: options.crossCutting ?? 0 }, (_, i) =>
      makeArea(90_000 + i, pick, undefined),
    ),
    services: Array.from({ length: options.services }, (_, s) => makeService(s, options.areasPerService)),
  };
}
