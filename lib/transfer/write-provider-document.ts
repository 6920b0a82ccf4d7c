// Writes a validated provider document into the tables: as a new provider (seed, import), or over
// an existing one (publishing a draft). Services are matched by slug so their ids — and the
// organizations' subscriptions to them — survive; everything inside a service is rewritten.
import "server-only";
import { randomUUID } from "node:crypto";
import { responsibleParties, toDbAssignment, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProviderDocument } from "@/lib/validation/provider-document";

type Tx = Prisma.TransactionClient;
type Area = ProviderDocument["crossCuttingAreas"][number];
type Group = ProviderDocument["crossCuttingGroups"][number];
type Service = ProviderDocument["services"][number];

const categoryToDb = {
  IaaS: "IAAS",
  PaaS: "PAAS",
  SaaS: "SAAS",
  CaaS: "CAAS",
  FaaS: "FAAS",
  DBaaS: "DBAAS",
  STaaS: "STAAS",
} as const;

/** The provider row's own columns from a document (creating a draft provider writes these too). */
export function providerFields(doc: ProviderDocument) {
  return {
    name: doc.name,
    summary: doc.summary,
    brandColor: doc.brandColor,
    isPrivate: doc.isPrivate ?? false,
    sourceTitle: doc.source.title,
    sourceDocument: doc.source.document,
    sourceUrl: doc.source.url ?? null,
    sourceRetrieved: doc.source.retrieved ?? null,
  };
}

export async function writeProviderDocument(options: { tx: Tx; document: ProviderDocument }): Promise<{ id: string }> {
  const { tx, document } = options;
  const provider = await tx.provider.create({
    data: { slug: document.slug, ...providerFields(document), publishedAt: new Date() },
    select: { id: true },
  });
  await applyProviderDocument({ tx, providerId: provider.id, document });
  return provider;
}

/** Makes the provider's tables hold exactly `document` (its slug stays the provider's). */
export async function applyProviderDocument(options: { tx: Tx; providerId: string; document: ProviderDocument }) {
  const { tx, providerId, document: doc } = options;
  const parties: PartyRef[] = doc.parties;
  const who = (assignment: AssignmentValue | null | undefined, keys: string[] | undefined) =>
    responsibleParties(assignment, keys, parties);

  await tx.provider.update({ where: { id: providerId }, data: providerFields(doc) });
  // Readers see a provider from its first publication on (it may have existed as a draft only).
  await tx.provider.updateMany({ where: { id: providerId, publishedAt: null }, data: { publishedAt: new Date() } });
  await Promise.all([
    tx.party.deleteMany({ where: { providerId } }),
    tx.complianceReference.deleteMany({ where: { providerId } }),
    tx.contactChannel.deleteMany({ where: { providerId } }),
    tx.narrativeSection.deleteMany({ where: { providerId } }),
    tx.responsibilityArea.deleteMany({ where: { providerId, serviceId: null } }),
  ]);
  await tx.party.createMany({
    data: doc.parties.map((p, position) => ({
      providerId,
      key: p.key,
      name: p.name,
      role:
        p.role === "third-party"
          ? ("THIRD_PARTY" as const)
          : p.role === "provider"
            ? ("PROVIDER" as const)
            : ("CUSTOMER" as const),
      description: p.description ?? null,
      position,
    })),
  });
  await tx.complianceReference.createMany({
    data: doc.compliance.map((c, position) => ({
      providerId,
      kind: c.kind === "basis" ? ("BASIS" as const) : ("FRAMEWORK" as const),
      name: c.name,
      clause: c.clause ?? null,
      notes: c.notes ?? null,
      position,
    })),
  });
  await tx.contactChannel.createMany({
    data: doc.contacts.map((c, position) => ({
      providerId,
      kind:
        c.kind === "email"
          ? ("EMAIL" as const)
          : c.kind === "url"
            ? ("URL" as const)
            : c.kind === "phone"
              ? ("PHONE" as const)
              : ("OTHER" as const),
      label: c.label,
      value: c.value,
      purpose: c.purpose ?? null,
      position,
    })),
  });
  await tx.narrativeSection.createMany({ data: doc.sections.map((s, position) => ({ providerId, ...s, position })) });

  const areaData = (area: Area, position: number, serviceId: string | null, refs: Refs) => ({
    providerId,
    serviceId,
    key: area.key,
    name: area.name,
    position,
    groupId: area.group ? (refs.groupIds.get(area.group) ?? null) : null,
    assignment: toDbAssignment(area.assignment),
    parties: who(area.assignment, area.parties),
    assignmentReason: area.assignmentReason ?? null,
    cells: area.cells,
    references: area.references ?? [],
    notes: area.notes ?? null,
    interpretation: area.interpretation ?? null,
    layerId: area.layer ? (refs.layerIds.get(area.layer) ?? null) : null,
    plane: area.plane === "control" ? ("CONTROL" as const) : area.plane === "data" ? ("DATA" as const) : null,
  });
  await tx.areaGroup.deleteMany({ where: { providerId, serviceId: null } });
  const crossCuttingGroups = groupRows(doc.crossCuttingGroups, providerId, null);
  await tx.areaGroup.createMany({ data: crossCuttingGroups.rows });
  await tx.responsibilityArea.createMany({
    data: doc.crossCuttingAreas.map((a, i) =>
      areaData(a, i, null, { groupIds: crossCuttingGroups.ids, layerIds: new Map() }),
    ),
  });

  const existing = await tx.service.findMany({ where: { providerId }, select: { id: true, slug: true } });
  const kept = new Set(doc.services.map((s) => s.slug));
  const gone = existing.filter((s) => !kept.has(s.slug)).map((s) => s.id);
  if (gone.length) await tx.service.deleteMany({ where: { id: { in: gone } } });
  const idsBySlug = new Map(existing.map((s) => [s.slug, s.id]));

  for (const [position, service] of doc.services.entries()) {
    const fields = {
      name: service.name,
      category: categoryToDb[service.category],
      summary: service.summary,
      sourceSection: service.sourceSection ?? null,
      position,
    };
    const known = idsBySlug.get(service.slug);
    const serviceId = known
      ? (await tx.service.update({ where: { id: known }, data: fields, select: { id: true } })).id
      : (await tx.service.create({ data: { providerId, slug: service.slug, ...fields }, select: { id: true } })).id;
    if (known) {
      await tx.responsibilityArea.deleteMany({ where: { serviceId } });
      await tx.areaGroup.deleteMany({ where: { serviceId } });
      await tx.deploymentModel.deleteMany({ where: { serviceId } });
      await tx.layer.deleteMany({ where: { serviceId } });
    }
    await writeServiceContent({ tx, providerId, serviceId, service, areaData, who });
  }
}

interface Refs {
  groupIds: ReadonlyMap<string, string>;
  layerIds: ReadonlyMap<string, string>;
}

/** Rows for a list of groups, with ids made here so a group can name a parent anywhere in the list. */
function groupRows(groups: readonly Group[], providerId: string, serviceId: string | null) {
  const ids = new Map(groups.map((g) => [g.key, randomUUID()]));
  const rows = groups.map((g, position) => ({
    id: ids.get(g.key)!,
    providerId,
    serviceId,
    key: g.key,
    title: g.title,
    number: g.number ?? null,
    description: g.description ?? null,
    parentId: g.parent ? (ids.get(g.parent) ?? null) : null,
    position,
  }));
  return { ids, rows };
}

async function writeServiceContent(options: {
  tx: Tx;
  providerId: string;
  serviceId: string;
  service: Service;
  areaData: (area: Area, position: number, serviceId: string, refs: Refs) => Prisma.ResponsibilityAreaCreateManyInput;
  who: (assignment: AssignmentValue | null | undefined, keys: string[] | undefined) => string[];
}) {
  const { tx, serviceId, service, areaData, who } = options;
  const groups = groupRows(service.groups, options.providerId, serviceId);
  await tx.areaGroup.createMany({ data: groups.rows });
  const layerIds = new Map<string, string>();
  const componentIds = new Map<string, string>();
  for (const [layerPosition, layer] of service.layers.entries()) {
    const createdLayer = await tx.layer.create({
      data: {
        serviceId,
        key: layer.key,
        name: layer.name,
        description: layer.description ?? null,
        position: layerPosition,
        assignment: layer.assignment ? toDbAssignment(layer.assignment) : null,
        parties: who(layer.assignment, layer.parties),
        interpretation: layer.interpretation ?? null,
        areaKey: layer.area ?? null,
        areaInterpretation: layer.areaInterpretation ?? null,
        components: {
          create: layer.components.map((c, componentPosition) => ({
            key: c.key,
            name: c.name,
            description: c.description ?? null,
            position: componentPosition,
            assignment: c.assignment ? toDbAssignment(c.assignment) : null,
            parties: who(c.assignment, c.parties),
            instances: c.instances ?? 1,
            interpretation: c.interpretation ?? null,
            areaKey: c.area ?? null,
            areaInterpretation: c.areaInterpretation ?? null,
            markerOn: c.markerOn ?? null,
          })),
        },
      },
      select: { id: true, components: { select: { id: true, key: true } } },
    });
    layerIds.set(layer.key, createdLayer.id);
    for (const c of createdLayer.components) componentIds.set(`${layer.key}/${c.key}`, c.id);
  }
  await tx.responsibilityArea.createMany({
    data: service.areas.map((a, i) => areaData(a, i, serviceId, { groupIds: groups.ids, layerIds })),
  });
  if (service.deploymentModels.length === 0) return;
  const areaIds = new Map(
    (await tx.responsibilityArea.findMany({ where: { serviceId }, select: { id: true, key: true } })).map((a) => [
      a.key,
      a.id,
    ]),
  );
  const modelIds = new Map<string, string>();
  // Groups first, so variants can point at them.
  const ordered = [...service.deploymentModels.entries()].sort(
    ([, a], [, b]) => Number(a.group !== undefined) - Number(b.group !== undefined),
  );
  for (const [modelPosition, model] of ordered) {
    const createdModel = await tx.deploymentModel.create({
      data: {
        serviceId,
        key: model.key,
        name: model.name,
        description: model.description ?? null,
        parentId: model.group ? (modelIds.get(model.group) ?? null) : null,
        position: modelPosition,
        interpretation: model.interpretation ?? null,
        open: model.open === true,
        assignments: {
          create: model.assignments.map((a, assignmentPosition) => ({
            position: assignmentPosition,
            componentId: a.component ? (componentIds.get(a.component) ?? null) : null,
            areaId: a.area ? (areaIds.get(a.area) ?? null) : null,
            assignment: toDbAssignment(a.assignment),
            parties: who(a.assignment, a.parties),
            interpretation: a.interpretation ?? null,
          })),
        },
      },
      select: { id: true },
    });
    modelIds.set(model.key, createdModel.id);
  }
}
