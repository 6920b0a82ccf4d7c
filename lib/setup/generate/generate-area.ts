// One generated matrix row whose cells fit its assignment, so the checks (lib/model/lint.ts) find
// no errors: duties only for the parties that carry the row, N/A marks, RACI rows whose assignment
// is the one their letters imply. Parties are always explicit, as the tables store them, so the
// document reads back from the tables unchanged.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import type { Random } from "./random";
import { dutyPool, dutyStrengths, frameworkControls, proseSentences } from "./vocabulary";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Cell = Area["cells"][number];
type Duty = Cell["duties"][number];

export function generateDuties(
  random: Random,
  count: number,
  strengths: readonly (Duty["strength"] | undefined)[] = dutyStrengths,
): Duty[] {
  return Array.from({ length: count }, () => {
    const strength = random.pick(strengths);
    return { text: random.pick(dutyPool), ...(strength ? { strength } : {}) };
  });
}

export function generateArea(options: {
  random: Random;
  key: string;
  name: string;
  group?: string;
  layer?: string;
  /** Key of a third party, when the provider has one. */
  thirdParty?: string;
}): Area {
  const { random, thirdParty } = options;
  const duties = (min: number, max: number) => generateDuties(random, random.between(min, max));
  const na = (party: string): Cell => ({ party, duties: [], notApplicable: true });
  const roll = random.int(100);
  let assignment: Area["assignment"];
  let parties: string[];
  let cells: Cell[];
  let notes: string | undefined;
  if (roll < 40) {
    assignment = "shared";
    const withThird = thirdParty !== undefined && random.chance(0.2);
    parties = withThird ? ["customer", "provider", thirdParty] : ["customer", "provider"];
    cells = [
      { party: "provider", duties: duties(1, 3) },
      { party: "customer", duties: duties(1, 3) },
      ...(withThird ? [{ party: thirdParty, duties: duties(1, 2) }] : []),
    ];
  } else if (roll < 62) {
    assignment = "provider";
    parties = ["provider"];
    cells = [{ party: "provider", duties: duties(1, 4) }, ...(random.chance(0.15) ? [na("customer")] : [])];
  } else if (roll < 82) {
    assignment = "customer";
    parties = ["customer"];
    cells = [...(random.chance(0.2) ? [na("provider")] : []), { party: "customer", duties: duties(1, 4) }];
  } else if (roll < 87) {
    assignment = "best-effort";
    parties = ["provider"];
    cells = [
      { party: "provider", duties: generateDuties(random, random.between(1, 2), ["should", "may"]) },
      { party: "customer", duties: duties(1, 2) },
    ];
  } else if (roll < 92 && thirdParty !== undefined) {
    assignment = "third-party";
    parties = [thirdParty];
    cells = [{ party: thirdParty, duties: duties(1, 2) }];
  } else if (roll < 95) {
    assignment = "n/a";
    parties = [];
    cells = [na("provider"), na("customer")];
    notes = "The service does not offer this; the row is kept so comparisons line up.";
  } else {
    // A RACI row: exactly one Accountable party; the assignment is what the letters imply.
    const shared = random.chance(0.4);
    assignment = shared ? "shared" : "provider";
    parties = shared ? ["provider", "customer"] : ["provider"];
    cells = [
      { party: "provider", duties: duties(1, 2), raci: "RA" },
      { party: "customer", duties: duties(0, 2), raci: shared ? "R" : "CI" },
    ];
  }
  const references = random.chance(0.3)
    ? random.sample(frameworkControls, random.between(1, 2)).map(([framework, control]) => ({ framework, control }))
    : [];
  if (!notes && random.chance(0.1)) notes = random.pick(proseSentences);
  return {
    key: options.key,
    name: options.name,
    ...(options.group ? { group: options.group } : {}),
    assignment,
    parties,
    cells,
    ...(references.length ? { references } : {}),
    ...(notes ? { notes } : {}),
    ...(random.chance(0.04)
      ? { interpretation: "Read from the provider's diagram; the text does not list this row." }
      : {}),
    ...(options.layer ? { layer: options.layer } : {}),
  };
}
