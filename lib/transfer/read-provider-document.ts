// Reads one provider back as a provider document: the inverse of write-provider-document.ts.
// Export, drafts and published versions are built on it; round-tripping gives the same document.
import "server-only";
import { fromDbAssignment } from "@/lib/domain/assignment";
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { categoryFromDb, partyToDto } from "@/lib/transfer/row-to-dto";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Service = ProviderDocument["services"][number];
type Group = ProviderDocument["crossCuttingGroups"][number];

/** Present optional fields only, so a document read back equals the one written. */
function optional<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

const areaInclude = {
  layer: { select: { key: true } },
  group: { select: { key: true } },
} as const satisfies Prisma.ResponsibilityAreaInclude;

/** Groups of a list, in order, each with its parent's key. */
const groupsQuery = {
  orderBy: { position: "asc" },
  include: { parent: { select: { key: true } } },
} as const satisfies Prisma.Service$areaGroupsArgs;

/** What a service's rows must include for serviceToDocument. */
const serviceDocumentInclude = {
  areaGroups: groupsQuery,
  areas: { orderBy: { position: "asc" }, include: areaInclude },
  layers: { orderBy: { position: "asc" }, include: { components: { orderBy: { position: "asc" } } } },
  deploymentModels: {
    orderBy: { position: "asc" },
    include: {
      parent: { select: { key: true } },
      assignments: {
        orderBy: { position: "asc" },
        include: {
          area: { select: { key: true } },
          component: { select: { key: true, layer: { select: { key: true } } } },
        },
      },
    },
  },
} as const satisfies Prisma.ServiceInclude;

type AreaRow = Prisma.ResponsibilityAreaGetPayload<{ include: typeof areaInclude }>;
type GroupRow = Prisma.AreaGroupGetPayload<{ include: (typeof groupsQuery)["include"] }>;
type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof serviceDocumentInclude }>;
type PartyRow = Parameters<typeof partyToDto>[0];

/** The columns a provider row keeps its source in, as the document's `source`. */
function sourceToDocument(p: {
  sourceTitle: string;
  sourceDocument: string;
  sourceUrl: string | null;
  sourceRetrieved: string | null;
}): ProviderDocument["source"] {
  return {
    title: p.sourceTitle,
    document: p.sourceDocument,
    ...optional({ url: p.sourceUrl, retrieved: p.sourceRetrieved }),
  };
}

function partyToDocument(party: PartyRow): ProviderDocument["parties"][number] {
  const dto = partyToDto(party);
  return { key: dto.key, name: dto.name, role: dto.role, ...optional({ description: dto.description }) };
}

/** An area row as a document area (cross-cutting areas and service areas alike). */
function areaToDocument(a: AreaRow): Area {
  const references = a.references as Area["references"];
  return {
    key: a.key,
    name: a.name,
    ...optional({ group: a.group?.key }),
    assignment: fromDbAssignment(a.assignment),
    parties: a.parties,
    ...optional({ assignmentReason: a.assignmentReason }),
    cells: a.cells as Area["cells"],
    ...(references?.length ? { references } : {}),
    ...optional({
      notes: a.notes,
      interpretation: a.interpretation,
      layer: a.layer?.key,
      plane: a.plane === "CONTROL" ? ("control" as const) : a.plane === "DATA" ? ("data" as const) : null,
    }),
  };
}

function groupToDocument(g: GroupRow): Group {
  return {
    key: g.key,
    title: g.title,
    ...optional({ number: g.number, description: g.description, parent: g.parent?.key }),
  };
}

/** One service's rows as the service part of a provider document. */
function serviceToDocument(s: ServiceRow): Service {
  return {
    slug: s.slug,
    name: s.name,
    category: categoryFromDb[s.category],
    summary: s.summary,
    ...optional({ sourceSection: s.sourceSection }),
    groups: s.areaGroups.map(groupToDocument),
    areas: s.areas.map(areaToDocument),
    layers: s.layers.map((l) => ({
      key: l.key,
      name: l.name,
      ...optional({ description: l.description, interpretation: l.interpretation }),
      ...(l.assignment ? { assignment: fromDbAssignment(l.assignment), parties: l.parties } : {}),
      ...optional({ area: l.areaKey, areaInterpretation: l.areaInterpretation }),
      components: l.components.map((c) => ({
        key: c.key,
        name: c.name,
        ...optional({ description: c.description, interpretation: c.interpretation }),
        assignment: c.assignment ? fromDbAssignment(c.assignment) : null,
        ...(c.assignment ? { parties: c.parties } : {}),
        ...(c.instances !== 1 ? { instances: c.instances } : {}),
        ...optional({ area: c.areaKey, areaInterpretation: c.areaInterpretation, markerOn: c.markerOn }),
      })),
    })),
    deploymentModels: s.deploymentModels.map((m) => ({
      key: m.key,
      name: m.name,
      ...optional({ description: m.description, group: m.parent?.key, interpretation: m.interpretation }),
      ...(m.open ? { open: true } : {}),
      assignments: m.assignments.map((a) => ({
        ...(a.component ? { component: `${a.component.layer.key}/${a.component.key}` } : {}),
        ...(a.area ? { area: a.area.key } : {}),
        assignment: fromDbAssignment(a.assignment),
        parties: a.parties,
        ...optional({ interpretation: a.interpretation }),
      })),
    })),
  };
}

export async function readProviderDocument(options: {
  db: Database | Prisma.TransactionClient;
  providerId: string;
}): Promise<ProviderDocument> {
  const p = await options.db.provider.findUniqueOrThrow({
    where: { id: options.providerId },
    include: {
      parties: { orderBy: { position: "asc" } },
      compliance: { orderBy: { position: "asc" } },
      contacts: { orderBy: { position: "asc" } },
      sections: { orderBy: { position: "asc" } },
      areaGroups: { where: { serviceId: null }, ...groupsQuery },
      areas: { where: { serviceId: null }, orderBy: { position: "asc" }, include: areaInclude },
      services: { orderBy: { position: "asc" }, include: serviceDocumentInclude },
    },
  });
  return parseStoredProviderDocument({
    slug: p.slug,
    name: p.name,
    summary: p.summary,
    brandColor: p.brandColor,
    ...(p.isPrivate ? { isPrivate: true } : {}),
    source: sourceToDocument(p),
    parties: p.parties.map(partyToDocument),
    compliance: p.compliance.map((c) => ({
      kind: c.kind === "BASIS" ? "basis" : "framework",
      name: c.name,
      ...optional({ clause: c.clause, notes: c.notes }),
    })),
    contacts: p.contacts.map((c) => ({
      kind: c.kind.toLowerCase(),
      label: c.label,
      value: c.value,
      ...optional({ purpose: c.purpose }),
    })),
    sections: p.sections.map((s) => ({ slug: s.slug, title: s.title, body: s.body })),
    crossCuttingGroups: p.areaGroups.map(groupToDocument),
    crossCuttingAreas: p.areas.map(areaToDocument),
    services: p.services.map(serviceToDocument),
  });
}
