// A provider document as the rows lib/transfer/write-provider-document.ts would write for it, with
// ids made here so every row of a provider can go to the database in one multi-row insert per table.
// Keep the two in step: tests/integration/generate.test.ts reads generated providers back through
// lib/transfer/read-provider-document.ts and compares them with their newest version's document.
import { randomUUID } from "node:crypto";
import { responsibleParties, toDbAssignment, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import { providerFields } from "@/lib/transfer/write-provider-document";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { RowBuffer } from "./row-buffer";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Group = ProviderDocument["crossCuttingGroups"][number];

const categoryToDb = {
  IaaS: "IAAS",
  PaaS: "PAAS",
  SaaS: "SAAS",
  CaaS: "CAAS",
  FaaS: "FAAS",
  DBaaS: "DBAAS",
  STaaS: "STAAS",
} as const;

const partyRoleToDb = { provider: "PROVIDER", customer: "CUSTOMER", "third-party": "THIRD_PARTY" } as const;

type Carriers = (assignment: AssignmentValue | null | undefined, keys: string[] | undefined) => string[];

function groupRows(rows: RowBuffer, groups: readonly Group[], providerId: string, serviceId: string | null) {
  const ids = new Map(groups.map((g) => [g.key, randomUUID()]));
  groups.forEach((g, position) =>
    rows.add("AreaGroup", {
      id: ids.get(g.key)!,
      providerId,
      serviceId,
      key: g.key,
      title: g.title,
      number: g.number ?? null,
      description: g.description ?? null,
      parentId: g.parent ? (ids.get(g.parent) ?? null) : null,
      position,
    }),
  );
  return ids;
}

function areaRows(
  rows: RowBuffer,
  areas: readonly Area[],
  refs: {
    providerId: string;
    serviceId: string | null;
    groupIds: Map<string, string>;
    layerIds: Map<string, string>;
    carriers: Carriers;
  },
) {
  const ids = new Map<string, string>();
  areas.forEach((area, position) => {
    const id = randomUUID();
    ids.set(area.key, id);
    rows.add("ResponsibilityArea", {
      id,
      providerId: refs.providerId,
      serviceId: refs.serviceId,
      key: area.key,
      name: area.name,
      position,
      groupId: area.group ? (refs.groupIds.get(area.group) ?? null) : null,
      assignment: toDbAssignment(area.assignment),
      parties: refs.carriers(area.assignment, area.parties),
      assignmentReason: area.assignmentReason ?? null,
      cells: area.cells,
      references: area.references ?? [],
      notes: area.notes ?? null,
      interpretation: area.interpretation ?? null,
      layerId: area.layer ? (refs.layerIds.get(area.layer) ?? null) : null,
      plane: area.plane === "control" ? "CONTROL" : area.plane === "data" ? "DATA" : null,
    });
  });
  return ids;
}

/** Adds the rows of one published provider (the tables' model) to `rows`; returns service ids by slug. */
export function addDocumentRows(options: {
  rows: RowBuffer;
  providerId: string;
  document: ProviderDocument;
  publishedAt: Date;
}): Map<string, string> {
  const { rows, providerId, document: doc } = options;
  const at = options.publishedAt.toISOString();
  const parties: PartyRef[] = doc.parties;
  const carriers: Carriers = (assignment, keys) => responsibleParties(assignment, keys, parties);
  rows.add("Provider", {
    id: providerId,
    slug: doc.slug,
    ...providerFields(doc),
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  doc.parties.forEach((p, position) =>
    rows.add("Party", {
      id: randomUUID(),
      providerId,
      key: p.key,
      name: p.name,
      role: partyRoleToDb[p.role],
      description: p.description ?? null,
      position,
    }),
  );
  doc.compliance.forEach((c, position) =>
    rows.add("ComplianceReference", {
      id: randomUUID(),
      providerId,
      kind: c.kind === "basis" ? "BASIS" : "FRAMEWORK",
      name: c.name,
      clause: c.clause ?? null,
      notes: c.notes ?? null,
      position,
    }),
  );
  doc.contacts.forEach((c, position) =>
    rows.add("ContactChannel", {
      id: randomUUID(),
      providerId,
      kind: c.kind.toUpperCase(),
      label: c.label,
      value: c.value,
      purpose: c.purpose ?? null,
      position,
    }),
  );
  doc.sections.forEach((s, position) =>
    rows.add("NarrativeSection", {
      id: randomUUID(),
      providerId,
      slug: s.slug,
      title: s.title,
      body: s.body,
      position,
    }),
  );
  const crossCuttingGroupIds = groupRows(rows, doc.crossCuttingGroups, providerId, null);
  areaRows(rows, doc.crossCuttingAreas, {
    providerId,
    serviceId: null,
    groupIds: crossCuttingGroupIds,
    layerIds: new Map(),
    carriers,
  });

  const serviceIds = new Map<string, string>();
  doc.services.forEach((service, position) => {
    const serviceId = randomUUID();
    serviceIds.set(service.slug, serviceId);
    rows.add("Service", {
      id: serviceId,
      providerId,
      slug: service.slug,
      name: service.name,
      category: categoryToDb[service.category],
      summary: service.summary,
      sourceSection: service.sourceSection ?? null,
      position,
    });
    const groupIds = groupRows(rows, service.groups, providerId, serviceId);
    const layerIds = new Map<string, string>();
    const componentIds = new Map<string, string>();
    service.layers.forEach((layer, layerPosition) => {
      const layerId = randomUUID();
      layerIds.set(layer.key, layerId);
      rows.add("Layer", {
        id: layerId,
        serviceId,
        key: layer.key,
        name: layer.name,
        description: layer.description ?? null,
        position: layerPosition,
        assignment: layer.assignment ? toDbAssignment(layer.assignment) : null,
        parties: carriers(layer.assignment, layer.parties),
        interpretation: layer.interpretation ?? null,
        areaKey: layer.area ?? null,
        areaInterpretation: layer.areaInterpretation ?? null,
      });
      layer.components.forEach((c, componentPosition) => {
        const componentId = randomUUID();
        componentIds.set(`${layer.key}/${c.key}`, componentId);
        rows.add("Component", {
          id: componentId,
          layerId,
          key: c.key,
          name: c.name,
          description: c.description ?? null,
          position: componentPosition,
          assignment: c.assignment ? toDbAssignment(c.assignment) : null,
          parties: carriers(c.assignment, c.parties),
          instances: c.instances ?? 1,
          interpretation: c.interpretation ?? null,
          areaKey: c.area ?? null,
          areaInterpretation: c.areaInterpretation ?? null,
          markerOn: c.markerOn ?? null,
        });
      });
    });
    const areaIds = areaRows(rows, service.areas, { providerId, serviceId, groupIds, layerIds, carriers });
    const modelIds = new Map(service.deploymentModels.map((m) => [m.key, randomUUID()]));
    service.deploymentModels.forEach((model, modelPosition) => {
      const deploymentModelId = modelIds.get(model.key)!;
      rows.add("DeploymentModel", {
        id: deploymentModelId,
        serviceId,
        key: model.key,
        name: model.name,
        description: model.description ?? null,
        parentId: model.group ? (modelIds.get(model.group) ?? null) : null,
        position: modelPosition,
        interpretation: model.interpretation ?? null,
        open: model.open === true,
      });
      model.assignments.forEach((a, assignmentPosition) =>
        rows.add("DeploymentAssignment", {
          id: randomUUID(),
          deploymentModelId,
          componentId: a.component ? (componentIds.get(a.component) ?? null) : null,
          areaId: a.area ? (areaIds.get(a.area) ?? null) : null,
          assignment: toDbAssignment(a.assignment),
          parties: carriers(a.assignment, a.parties),
          interpretation: a.interpretation ?? null,
          position: assignmentPosition,
        }),
      );
    });
  });
  return serviceIds;
}
