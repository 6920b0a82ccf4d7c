// One generated provider as a provider document, the newest published version: parties (sometimes a
// colocation partner as third party), compliance, contacts, narrative sections, cross-cutting rows
// and `services` services of `areas` rows each. A pure function of its arguments.
import { slugify } from "@/lib/domain/slug";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { generateArea } from "./generate-area";
import { generateService } from "./generate-service";
import type { Random } from "./random";
import { complianceOptions, proseSentences, serviceTemplates, serviceVariants } from "./vocabulary";

/** What marks a provider as generated, besides its "gen-" slug. */
export const GENERATED_SOURCE_DOCUMENT = "generated";

const brandColors = ["#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#15803d", "#0369a1", "#a21caf", "#334155"];
const crossCuttingNames = [
  "Identity & Access Management",
  "Encryption",
  "Logging & Monitoring",
  "Compliance",
  "Incident Response",
];

function paragraph(random: Random, sentences: number): string {
  return random.sample(proseSentences, sentences).join(" ");
}

/** Service names for one provider: the templates in a random order, then variants of them. */
function serviceNames(random: Random, count: number) {
  const templates = random.sample(serviceTemplates, serviceTemplates.length);
  return Array.from({ length: count }, (_, s) => {
    const template = templates[s % templates.length]!;
    const round = Math.floor(s / templates.length);
    const variant =
      round === 0
        ? ""
        : ` (${serviceVariants[(round - 1) % serviceVariants.length]}${round > serviceVariants.length ? ` ${Math.ceil(round / serviceVariants.length)}` : ""})`;
    return { ...template, name: `${template.name}${variant}` };
  });
}

export function generateProviderDocument(options: {
  random: Random;
  name: string;
  slug: string;
  isPrivate: boolean;
  services: number;
  areas: number;
}): ProviderDocument {
  const { random, name, slug } = options;
  const thirdParty = random.chance(0.3) ? "colocation" : undefined;
  const host = `${slug}.example.com`;
  const crossCutting = random.sample(crossCuttingNames, random.between(2, 4));
  return {
    slug,
    name,
    summary: `${name} runs ${options.services} cloud service${options.services === 1 ? "" : "s"} from its own data centres. ${paragraph(random, 2)}`,
    brandColor: random.pick(brandColors),
    ...(options.isPrivate ? { isPrivate: true } : {}),
    source: {
      title: `${name} Shared Responsibility Model`,
      document: GENERATED_SOURCE_DOCUMENT,
      url: `https://${host}/shared-responsibility`,
      retrieved: `2025-${String(random.between(1, 12)).padStart(2, "0")}-${String(random.between(1, 28)).padStart(2, "0")}`,
    },
    parties: [
      { key: "provider", name, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      ...(thirdParty
        ? [
            {
              key: thirdParty,
              name: "Colocation Partner",
              role: "third-party" as const,
              description: "Operates the data centre buildings the provider rents.",
            },
          ]
        : []),
    ],
    compliance: random.sample(complianceOptions, random.between(1, 3)).map((c) => ({ ...c })),
    contacts: [
      {
        kind: "email",
        label: "Security",
        value: `security@${host}`,
        purpose: "Vulnerability reports and security incidents",
      },
      { kind: "url", label: "Support portal", value: `https://${host}/support` },
    ],
    sections: [
      { slug: "reading", title: "How to read this model", body: `${paragraph(random, 3)}\n\n${paragraph(random, 3)}` },
      ...(random.chance(0.5)
        ? [
            {
              slug: "support",
              title: "Support and escalation",
              body: `- ${paragraph(random, 1)}\n- ${paragraph(random, 1)}\n\n${paragraph(random, 2)}`,
            },
          ]
        : []),
    ],
    crossCuttingGroups: [],
    crossCuttingAreas: crossCutting.map((areaName) =>
      generateArea({ random, key: slugify(areaName), name: areaName, thirdParty }),
    ),
    services: serviceNames(random, options.services).map((service, position) =>
      generateService({
        random: random.fork(`service-${position}`),
        name: service.name,
        slug: slugify(service.name),
        category: service.category,
        summary: service.summary,
        position,
        areaCount: options.areas,
        thirdParty,
      }),
    ),
  };
}
