// My obligations as a report (the PDF's shape): a section per provider, a table per subscribed
// service and one for the provider's cross-cutting areas, each row an area with the customer's
// duties. The cover names the published version (number, date, hash) every provider's duties come from.
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { ObligationAreaDto, ObligationsDto } from "@/lib/obligations/get-obligations";
import type { ReportCell, ReportDocument, ReportTable } from "./pdf/report-types";

type Provider = ObligationsDto["providers"][number];

/** A fixed date for a file without any published version in it (nothing else to derive one from). */
const noVersionDate = "2000-01-01T00:00:00.000Z";

const versionText = (version: Provider["publishedVersion"]) =>
  version ? `version ${version.number}, published ${version.publishedAt.slice(0, 10)} (UTC)` : "no published version";

// The hash on a line of its own, so it is never broken across lines (readers copy it to /verify).
const versionFacts = ({ name, publishedVersion }: Provider): [string, string][] => [
  [name, versionText(publishedVersion)],
  ...(publishedVersion ? [[`${name} SHA-256`, publishedVersion.contentHash] as [string, string]] : []),
];

function areaCells(area: ObligationAreaDto): ReportCell[] {
  return [
    {
      lines: [
        ...(area.groups.length ? [{ text: area.groups.join(" › "), tone: "muted" as const }] : []),
        { text: area.name, tone: "strong" },
        ...(area.notes ? [{ text: area.notes, tone: "muted" as const }] : []),
        ...(area.interpretation ? [{ text: `Interpretation: ${area.interpretation}`, tone: "muted" as const }] : []),
      ],
    },
    { assignment: area.assignment },
    {
      items: area.duties.map((duty) => ({
        text: duty.text,
        prefix: duty.strength === "must" ? undefined : `${dutyStrengthLabels[duty.strength]}:`,
      })),
    },
  ];
}

function areaTable(areas: readonly ObligationAreaDto[], empty: string): ReportTable {
  return {
    columns: [
      { header: "Area", share: 0.32 },
      { header: "Assignment", share: 0.17 },
      { header: "Our duties", share: 0.51 },
    ],
    rows: areas.map(areaCells),
    empty,
  };
}

const duties = (n: number) => `${n} ${n === 1 ? "duty" : "duties"}`;

export function obligationsReport(data: ObligationsDto): ReportDocument {
  const organization = data.organization.name;
  const dates = data.providers.flatMap((p) => (p.publishedVersion ? [p.publishedVersion.publishedAt] : [])).sort();
  const stamp = data.providers
    .map((p) => (p.publishedVersion ? `${p.name} v${p.publishedVersion.number}` : p.name))
    .join(", ");
  return {
    kind: "Obligations",
    title: `${organization}: our obligations`,
    summary:
      "The customer's side of the published shared responsibility model of every service the organization " +
      "subscribes to: each duty that falls to it, by provider, service and area, with the provider's " +
      "cross-cutting areas that apply to every service.",
    facts: [
      ["Organization", organization],
      [
        "Duties",
        `${duties(data.dutyCount)} in ${data.serviceCount} ${data.serviceCount === 1 ? "service" : "services"}`,
      ],
      ...data.providers.flatMap(versionFacts),
    ],
    date: dates.at(-1) ?? noVersionDate,
    empty: "The organization subscribes to no service yet, so it has no obligations here.",
    subject: `Obligations of ${organization} under its providers' shared responsibility models`,
    keywords: ["shared responsibility model", "obligations", organization, ...data.providers.map((p) => p.name)],
    footer: `${organization} · obligations${stamp ? ` · ${stamp}` : ""}`,
    assignmentLegend: true,
    sections: data.providers.map((provider) => ({
      title: provider.name,
      intro: [`${duties(provider.dutyCount)}, from ${versionText(provider.publishedVersion)}.`],
      parts: [
        ...provider.services.map((service) => ({
          title: service.name,
          description: duties(service.dutyCount),
          table: areaTable(service.areas, "Nothing in this service is the customer's to do."),
        })),
        ...(provider.crossCutting.areas.length
          ? [
              {
                title: "All services (cross-cutting)",
                description: `${duties(provider.crossCutting.dutyCount)} that apply to every service of ${provider.name}`,
                table: areaTable(provider.crossCutting.areas, ""),
              },
            ]
          : []),
      ],
    })),
  };
}
