// What each column of an imported table holds, by meaning rather than exact text: the area's name
// ("Area", "Responsibility Area", "Activity", "Task", "Control", …), one column per party (matched
// to the provider's parties by name or key, "<name> responsibilities" too; "Provider", "CSP",
// "Customer", "CSC" by role), and optional columns (assignment, notes, plane, layer, group,
// references, id). CAIQ v4 columns map too: "SSRM Control Ownership" is the assignment, "CSP
// Implementation Description" the provider's duties, "CSC Responsibilities" the customer's. Pure.
import type { PartyRoleValue } from "@/lib/domain/assignment";
import { isPrototypeKey } from "@/lib/domain/own-keys";
import { plainText } from "./cells";

export type ColumnRole =
  | { kind: "name" }
  | { kind: "party"; party: string }
  | { kind: "assignment" }
  | { kind: "notes" }
  | { kind: "plane" }
  | { kind: "layer" }
  | { kind: "group" }
  | { kind: "references"; framework?: string }
  | { kind: "id" }
  | { kind: "ignored"; why: string };

export interface ImportParty {
  key: string;
  name: string;
  role: PartyRoleValue;
}

const fixed: [RegExp, ColumnRole["kind"]][] = [
  [
    /^(responsibility\s+)?areas?$|^activit(y|ies)$|^tasks?$|^components?$|^security items?$|^controls?( title| name)?$|^(requirement|item|topic|responsibility)( name)?$|^question$/,
    "name",
  ],
  [/^(assignment|ownership|owner|ssrm control ownership|responsible( party)?)$/, "assignment"],
  [/^(notes?|comments?|remarks?)$/, "notes"],
  [/^plane$/, "plane"],
  [/^(layer|stack layer)$/, "layer"],
  [/^(group|phase|stage|section|category|domain|ccm domain title|lifecycle phase)$/, "group"],
  [/^((framework )?references?|controls? mapping|mapped controls?)$/, "references"],
  [/^(#|no\.?|id|number|ref|question id|control id)$/, "id"],
];

const ignoredCaiq = /^(csp caiq answer|ccm control specification|ccm control title)$/;
const roleWords: Record<PartyRoleValue, RegExp> = {
  provider: /^(provider|csp|cloud service provider|service provider|us|we)$/,
  customer: /^(customer|csc|cloud service customer|client|you|tenant)$/,
  "third-party": /^(third party|third-party|3rd party|subprocessor|partner)$/,
};
// Parentheses hold no parentheses: ".*" inside them made a long header of "(" take minutes.
const partySuffix =
  /\s*(responsibilit(y|ies)|duties|role|tasks|implementation description(\s*\([^()]*\))?|\([^()]*\))$/;

const normal = (text: string) => plainText(text).toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();

/** The role of one header cell, or null when nothing matches. */
export function columnRole(header: string, parties: readonly ImportParty[]): ColumnRole | null {
  const text = normal(header);
  if (text === "") return { kind: "ignored", why: "no header" };
  if (/^csp implementation description/.test(text)) return partyByRole("provider", parties);
  if (/^csc responsibilities/.test(text)) return partyByRole("customer", parties);
  const bare = text.replace(partySuffix, "").trim();
  for (const candidate of [text, bare]) {
    const party = parties.find((p) => normal(p.name) === candidate || p.key === candidate);
    if (party) return { kind: "party", party: party.key };
  }
  if (text === "ccm control id") return { kind: "references", framework: "CSA CCM" };
  for (const [pattern, kind] of fixed) if (pattern.test(text)) return { kind } as ColumnRole;
  for (const role of ["provider", "customer", "third-party"] as const)
    if (roleWords[role].test(bare) || roleWords[role].test(text)) return partyByRole(role, parties);
  if (ignoredCaiq.test(text)) return { kind: "ignored", why: "not part of the model" };
  return null;
}

function partyByRole(role: PartyRoleValue, parties: readonly ImportParty[]): ColumnRole | null {
  const matching = parties.filter((p) => p.role === role);
  return matching.length === 1 ? { kind: "party", party: matching[0]!.key } : null;
}

export type HeaderReading = { ok: true; columns: ColumnRole[] } | { ok: false; error: string };

/** Every column's role; a file must name its areas and at least one party, once each. */
export function readHeader(header: readonly string[], parties: readonly ImportParty[]): HeaderReading {
  const reserved = header.find((h) => isPrototypeKey(h.trim().toLowerCase()));
  if (reserved !== undefined) return { ok: false, error: `A column may not be called "${reserved.trim()}".` };
  const columns: ColumnRole[] = [];
  const unknown: string[] = [];
  for (const cell of header) {
    const role = columnRole(cell, parties);
    if (role) columns.push(role);
    else {
      unknown.push(cell.trim());
      columns.push({ kind: "ignored", why: "unknown" });
    }
  }
  const partyNames = parties.map((p) => `"${p.name}"`).join(", ");
  if (unknown.length)
    return {
      ok: false,
      error:
        `Unknown ${unknown.length === 1 ? "column" : "columns"} ${unknown.map((u) => `"${u}"`).join(", ")}: ` +
        `a column names the area, a party (${partyNames}) or one of Assignment, Notes, Plane, Layer, Group, References, ID. ` +
        "Add a missing party to the provider first.",
    };
  const count = (kind: ColumnRole["kind"]) => columns.filter((c) => c.kind === kind).length;
  if (count("name") !== 1)
    return {
      ok: false,
      error: `${count("name") === 0 ? "No column names" : "Several columns name"} the areas: use one column called "Area", "Responsibility Area", "Activity", "Task", "Component" or "Control".`,
    };
  const partyColumns = columns.flatMap((c) => (c.kind === "party" ? [c.party] : []));
  if (partyColumns.length === 0)
    return { ok: false, error: `No column names a party: use the parties' names (${partyNames}).` };
  const twice = partyColumns.find((p, i) => partyColumns.indexOf(p) !== i);
  if (twice)
    return { ok: false, error: `Two columns are for the party "${parties.find((p) => p.key === twice)?.name}".` };
  for (const kind of ["assignment", "notes", "plane", "layer", "group", "references", "id"] as const)
    if (count(kind) > 1) return { ok: false, error: `Only one ${kind} column is allowed.` };
  return { ok: true, columns };
}
