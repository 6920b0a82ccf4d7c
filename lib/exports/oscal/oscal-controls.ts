// One responsibility area as an OSCAL catalog control: who carries it, and each party's duties.
import type { MatrixRow } from "@/lib/model/area-text";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { PartyCellDto, PartyDto } from "@/lib/validation/api";
import { assignmentSentence, given, oneLine, prop, some } from "./oscal-common";
import { controlId, guidanceId, partyItemId, statementId } from "./oscal-ids";
import type { OscalControl, OscalLink, OscalPart, OscalResource } from "./oscal-types";
import { demarcOscalNs, demarcUuid, frameworkName } from "./uuids";

export const frameworkUuid = (framework: string) => demarcUuid(frameworkName(framework));

/** A framework the areas refer to, as a back-matter resource their links point at. */
export function frameworkResource(framework: string): OscalResource {
  return { uuid: frameworkUuid(framework), title: oneLine(framework) };
}

/** A framework control ("CSA CCM IAM-02") as a link to the framework's resource, the control its fragment. */
function referenceLink(reference: MatrixRow["references"][number]): OscalLink {
  return {
    href: `#${frameworkUuid(reference.framework)}`,
    rel: "reference",
    "resource-fragment": oneLine(reference.control),
    text: oneLine(`${reference.framework} ${reference.control}`),
  };
}

/**
 * One duty. The prose is the duty's text as written; its strength is both a property (for tools) and
 * the title (for readers, so that a viewer which hides properties never shows "Not done" as a duty).
 */
function dutyPart(duty: PartyCellDto["duties"][number]): OscalPart {
  return {
    name: "item",
    class: "duty",
    title: dutyStrengthLabels[duty.strength],
    props: prop("duty-strength", duty.strength),
    prose: duty.text,
  };
}

/** One party's cell: an item of the statement, its duties nested in it. */
function partyItem(control: string, cell: PartyCellDto, party: PartyDto | undefined): OscalPart {
  return {
    id: partyItemId(control, cell.party),
    name: "item",
    class: "party",
    title: oneLine(party?.name ?? cell.party),
    props: [
      ...prop("party", cell.party),
      ...prop("party-role", party?.role),
      ...prop("raci", cell.raci),
      ...(cell.notApplicable ? prop("not-applicable", "true") : []),
    ],
    ...(cell.notApplicable && cell.duties.length === 0 ? { prose: "Not applicable." } : {}),
    ...some("parts", cell.duties.map(dutyPart)),
  };
}

/** An area as a control of the catalog; its id is the one the SSP's implemented requirement names. */
export function areaControl(options: {
  service: string | null;
  area: MatrixRow;
  parties: readonly PartyDto[];
  /** Layer names by key, for the layer property's remarks. */
  layers: ReadonlyMap<string, string>;
}): OscalControl {
  const { service, area, parties } = options;
  const id = controlId(service, area.key);
  const byKey = new Map(parties.map((party) => [party.key, party]));
  const extra: OscalPart[] = [
    ...(area.notes ? [{ id: guidanceId(id), name: "guidance", prose: area.notes }] : []),
    ...(area.interpretation ? [{ name: "interpretation", ns: demarcOscalNs, prose: area.interpretation }] : []),
    ...(area.assignmentReason ? [{ name: "assignment-reason", ns: demarcOscalNs, prose: area.assignmentReason }] : []),
  ];
  return {
    id,
    class: "responsibility-area",
    title: oneLine(area.name),
    props: [
      ...prop("area-key", area.key),
      ...prop("assignment", area.assignment),
      ...area.parties.flatMap((key) => prop("responsible-party", key)),
      ...prop("caiq-ssrm-control-ownership", area.caiq.ownership, { remarks: area.caiq.note }),
      ...prop("layer", area.layer, { remarks: area.layer ? options.layers.get(area.layer) : undefined }),
      ...prop("plane", area.plane),
      ...(area.overridden ? prop("deployment-model-override", "true") : []),
    ],
    ...some("links", area.references.map(referenceLink)),
    parts: [
      {
        id: statementId(id),
        name: "statement",
        ...given("prose", assignmentSentence(area, parties)),
        ...some(
          "parts",
          area.cells.map((cell) => partyItem(id, cell, byKey.get(cell.party))),
        ),
      },
      ...extra,
    ],
  };
}
