// One generated service: nested groups, `areaCount` rows, a layered stack and, for some services,
// deployment models that change who carries a few rows and boxes.
import { slugify, uniqueSlugs } from "@/lib/domain/slug";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { generateArea } from "./generate-area";
import type { Random } from "./random";
import { areaNamePool, areaQualifiers, deploymentModelNames, groupTitles } from "./vocabulary";

type Service = ProviderDocument["services"][number];
type Layer = Service["layers"][number];
type DeploymentModel = Service["deploymentModels"][number];

/** `count` distinct area names: the pool in random order, then qualified names when the pool runs out. */
function areaNames(random: Random, count: number): string[] {
  const names = random.sample(areaNamePool, count);
  for (const qualifier of areaQualifiers) {
    if (names.length >= count) break;
    const qualified = areaNamePool.map((name) => `${name} (${qualifier})`);
    names.push(...random.sample(qualified, count - names.length));
  }
  return names;
}

function generateGroups(random: Random): { groups: Service["groups"]; leaves: string[] } {
  const groups: Service["groups"] = [];
  const leaves: string[] = [];
  random.sample(groupTitles, random.between(2, 5)).forEach((title, g) => {
    const key = slugify(title);
    groups.push({ key, title, number: `${g + 1}` });
    if (random.chance(0.35)) {
      for (const [h, part] of ["Design", "Operation"].entries()) {
        groups.push({
          key: `${key}-${part.toLowerCase()}`,
          title: `${title}: ${part}`,
          number: `${g + 1}.${h + 1}`,
          parent: key,
        });
        leaves.push(`${key}-${part.toLowerCase()}`);
      }
    } else leaves.push(key);
  });
  return { groups, leaves };
}

function generateLayers(random: Random, thirdParty: string | undefined): Layer[] {
  const layers: Layer[] = [];
  if (thirdParty)
    layers.push({
      key: "facility",
      name: "Data Centre",
      description: "Buildings, power and cooling, operated by the colocation partner.",
      assignment: "third-party",
      parties: [thirdParty],
      components: [{ key: "power", name: "Power & Cooling", assignment: "third-party", parties: [thirdParty] }],
    });
  layers.push(
    {
      key: "hardware",
      name: "Hardware & Network",
      assignment: "provider",
      parties: ["provider"],
      components: [
        {
          key: "servers",
          name: "Servers",
          assignment: "provider",
          parties: ["provider"],
          ...(random.chance(0.5) ? { instances: 3 } : {}),
        },
        { key: "network", name: "Network Fabric", assignment: "provider", parties: ["provider"] },
      ],
    },
    {
      key: "platform",
      name: "Platform",
      description: "The software the provider runs to offer the service.",
      assignment: "provider",
      parties: ["provider"],
      components: [
        { key: "api", name: "Control-Plane API", assignment: "provider", parties: ["provider"] },
        { key: "orchestration", name: "Orchestration", assignment: "shared", parties: ["customer", "provider"] },
      ],
    },
    {
      key: "workloads",
      name: "Workloads & Data",
      assignment: "customer",
      parties: ["customer"],
      components: [
        { key: "applications", name: "Applications", assignment: "customer", parties: ["customer"] },
        { key: "data", name: "Data", assignment: "customer", parties: ["customer"] },
      ],
    },
  );
  return layers;
}

function generateDeploymentModels(random: Random, areas: Service["areas"]): DeploymentModel[] {
  const candidates = areas.filter((a) => a.assignment !== "n/a").map((a) => a.key);
  const models: DeploymentModel[] = random.sample(deploymentModelNames, random.between(2, 3)).map((m) => {
    const onPremises = m.key === "customer-datacenter";
    return {
      key: m.key,
      name: m.name,
      description: m.description,
      assignments: [
        ...(onPremises
          ? [{ component: "hardware/servers", assignment: "customer" as const, parties: ["customer"] }]
          : []),
        ...random.sample(candidates, random.between(1, 3)).map((area) => ({
          area,
          assignment: onPremises ? ("customer" as const) : ("provider" as const),
          parties: [onPremises ? "customer" : "provider"],
          ...(random.chance(0.3) ? { interpretation: "Our reading of the provider's deployment guide." } : {}),
        })),
      ],
    };
  });
  if (models.some((m) => m.key === "customer-datacenter") && random.chance(0.5))
    models.push({
      key: "air-gapped",
      name: "Air-Gapped",
      description: "A customer data centre without a connection to the provider.",
      group: "customer-datacenter",
      assignments: candidates
        .slice(0, 1)
        .map((area) => ({ area, assignment: "customer" as const, parties: ["customer"] })),
    });
  return models;
}

export function generateService(options: {
  random: Random;
  name: string;
  slug: string;
  category: Service["category"];
  summary: string;
  position: number;
  areaCount: number;
  thirdParty?: string;
}): Service {
  const { random, areaCount } = options;
  const { groups, leaves } = random.chance(0.85) ? generateGroups(random) : { groups: [], leaves: [] };
  const layers = generateLayers(random, options.thirdParty);
  const names = areaNames(random, areaCount);
  const keys = uniqueSlugs(names);
  const areas = names.map((name, i) =>
    generateArea({
      random,
      key: keys[i]!,
      name,
      // Rows sit in their groups in runs, as a source document's sections do.
      group: leaves.length ? leaves[Math.floor((i * leaves.length) / areaCount)] : undefined,
      layer: random.chance(0.5) ? random.pick(layers).key : undefined,
      thirdParty: options.thirdParty,
    }),
  );
  return {
    slug: options.slug,
    name: options.name,
    category: options.category,
    summary: options.summary,
    ...(random.chance(0.5) ? { sourceSection: `§${options.position + 1}` } : {}),
    groups,
    areas,
    layers,
    deploymentModels: random.chance(0.25) ? generateDeploymentModels(random, areas) : [],
  };
}
