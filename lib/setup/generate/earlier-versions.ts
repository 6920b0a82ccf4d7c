// The published history of a generated provider: the newest document and 1–3 earlier ones, each
// differing from the next by a few rows (added later), reworded duties and, sometimes, a service
// added later, so version comparisons and the changelog have something to show. Earlier documents
// share unchanged parts with later ones (so hashing them costs little, see document-hash.ts);
// nothing is modified in place.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { Random } from "./random";
import { dutyPool } from "./vocabulary";

type Service = ProviderDocument["services"][number];

export interface GeneratedVersion {
  document: ProviderDocument;
  note: string;
}

/** The document before one round of changes, and the note describing those changes. */
function previousOf(random: Random, doc: ProviderDocument, first: boolean) {
  const services = [...doc.services];
  const changes: string[] = [];
  if (first && services.length >= 3 && random.chance(0.3)) {
    const added = services.pop()!;
    changes.push(`Added the ${added.name} service.`);
  }
  const touched = random.sample(
    services.map((_, i) => i),
    Math.min(services.length, random.between(1, 3)),
  );
  for (const index of touched) {
    const service: Service = { ...services[index]!, areas: [...services[index]!.areas] };
    const referenced = new Set(service.deploymentModels.flatMap((m) => m.assignments.map((a) => a.area)));
    const removable = service.areas.map((_, i) => i).filter((i) => !referenced.has(service.areas[i]!.key));
    if (service.areas.length > 1 && removable.length && random.chance(0.6)) {
      const at = random.pick(removable);
      const [removed] = service.areas.splice(at, 1);
      changes.push(`Added “${removed!.name}” to ${service.name}.`);
    } else {
      const at = random.int(service.areas.length);
      const area = service.areas[at];
      const cellIndex = area?.cells.findIndex((c) => c.duties.length > 0) ?? -1;
      if (area && cellIndex >= 0) {
        const cells = [...area.cells];
        const cell = cells[cellIndex]!;
        const [firstDuty, ...rest] = cell.duties;
        const start = random.int(dutyPool.length);
        const text =
          [...dutyPool.slice(start), ...dutyPool.slice(0, start)].find((t) => t !== firstDuty!.text) ??
          `${firstDuty!.text} (draft)`;
        cells[cellIndex] = { ...cell, duties: [{ ...firstDuty!, text }, ...rest] };
        service.areas[at] = { ...area, cells };
        changes.push(`Reworded the duties of “${area.name}” in ${service.name}.`);
      }
    }
    services[index] = service;
  }
  let summary = doc.summary;
  if (changes.length === 0) {
    summary = `${doc.summary.split(". ")[0]}.`;
    changes.push("Corrected the provider summary.");
  }
  return { document: { ...doc, summary, services }, note: changes.join(" ") };
}

/** Oldest first; the last is `newest`. */
export function generateVersions(random: Random, newest: ProviderDocument, count: number): GeneratedVersion[] {
  const versions: GeneratedVersion[] = [{ document: newest, note: "" }];
  for (let k = count; k > 1; k--) {
    const next = versions[0]!;
    const { document, note } = previousOf(random, next.document, k === 2);
    next.note = note;
    versions.unshift({ document, note: "" });
  }
  versions[0]!.note = `Initial transcription of “${newest.source.title}”.`;
  return versions;
}
