// Brings a provider document written in an older shape up to the current one, before the schema
// checks it: stored drafts and versions, exports taken before, and hand-written files. Pure and
// defensive (the input is unchecked JSON); anything it does not recognise is left for the schema
// to report. Changes:
// - areas with `providerDuties` / `customerDuties` (and `…NotApplicable`) get party cells instead;
// - areas without a key get one from their name (the rule of lib/domain/slug.ts, as the migration);
// - deployment-model assignments that name an area by name name it by key;
// - services and the document get empty group lists when they have none.
import { uniqueSlugs } from "./slug";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export function upgradeProviderDocument(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const document: Json = { ...raw };
  document.crossCuttingGroups ??= [];
  if (Array.isArray(raw.crossCuttingAreas)) document.crossCuttingAreas = upgradeAreas(raw.crossCuttingAreas);
  if (Array.isArray(raw.services)) document.services = raw.services.map(upgradeService);
  return document;
}

function upgradeService(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const service: Json = { ...raw };
  service.groups ??= [];
  if (!Array.isArray(raw.areas)) return service;
  const areas = upgradeAreas(raw.areas);
  service.areas = areas;
  const keyByName = new Map<string, string>();
  for (const area of areas)
    if (isObject(area) && typeof area.name === "string" && typeof area.key === "string" && !keyByName.has(area.name))
      keyByName.set(area.name, area.key);
  const keys = new Set(keyByName.values());
  if (Array.isArray(raw.deploymentModels))
    service.deploymentModels = raw.deploymentModels.map((model) =>
      isObject(model) && Array.isArray(model.assignments)
        ? {
            ...model,
            assignments: model.assignments.map((a) =>
              isObject(a) && typeof a.area === "string" && !keys.has(a.area) && keyByName.has(a.area)
                ? { ...a, area: keyByName.get(a.area) }
                : a,
            ),
          }
        : model,
    );
  return service;
}

function upgradeAreas(raw: readonly unknown[]): unknown[] {
  const areas = raw.map(upgradeCells);
  const taken = areas.flatMap((a) => (isObject(a) && typeof a.key === "string" ? [a.key] : []));
  const missing = areas.filter((a) => isObject(a) && a.key === undefined) as Json[];
  const fresh = uniqueSlugs(
    missing.map((a) => (typeof a.name === "string" ? a.name : "")),
    taken,
  );
  missing.forEach((area, i) => (area.key = fresh[i]));
  return areas;
}

/** The provider's and the customer's sides of an older area become the cells of parties "provider" and "customer". */
function upgradeCells(raw: unknown): unknown {
  if (!isObject(raw) || raw.cells !== undefined) return isObject(raw) ? { ...raw } : raw;
  const { providerDuties, customerDuties, providerNotApplicable, customerNotApplicable, ...area } = raw;
  const cell = (party: string, duties: unknown, notApplicable: unknown) => {
    const list = Array.isArray(duties) ? duties.map((text) => (typeof text === "string" ? { text } : text)) : [];
    if (list.length === 0 && notApplicable !== true) return [];
    return [{ party, duties: list, ...(notApplicable === true ? { notApplicable: true } : {}) }];
  };
  return {
    ...area,
    cells: [
      ...cell("provider", providerDuties, providerNotApplicable),
      ...cell("customer", customerDuties, customerNotApplicable),
    ],
  };
}
