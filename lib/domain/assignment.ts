// The assignment vocabulary: who carries a responsibility. Pure; shared by server, UI and tests.

export const assignmentValues = ["provider", "customer", "shared", "best-effort", "third-party", "n/a"] as const;
export type AssignmentValue = (typeof assignmentValues)[number];

export const partyRoles = ["provider", "customer", "third-party"] as const;
export type PartyRoleValue = (typeof partyRoles)[number];

export interface PartyRef {
  key: string;
  role: PartyRoleValue;
}

export interface AssignmentMeta {
  label: string;
  description: string;
  /** Text symbol shown in badges and legends so meaning never relies on colour alone. */
  symbol: string;
}

export const assignmentMeta: Record<AssignmentValue, AssignmentMeta> = {
  provider: { label: "Provider", description: "The provider is responsible.", symbol: "P" },
  customer: { label: "Customer", description: "The customer is responsible.", symbol: "C" },
  shared: { label: "Shared", description: "Several parties carry complementary duties.", symbol: "S" },
  "best-effort": {
    label: "Best effort",
    description: "The provider helps on a best-effort basis; the customer stays accountable.",
    symbol: "B",
  },
  "third-party": {
    label: "Third party",
    description: "A third party (e.g. a hyperscaler) is responsible.",
    symbol: "T",
  },
  "n/a": { label: "N/A", description: "Not applicable to this service.", symbol: "–" },
};

const dbValues = {
  provider: "PROVIDER",
  customer: "CUSTOMER",
  shared: "SHARED",
  "best-effort": "BEST_EFFORT",
  "third-party": "THIRD_PARTY",
  "n/a": "NOT_APPLICABLE",
} as const satisfies Record<AssignmentValue, string>;
export type DbAssignment = (typeof dbValues)[AssignmentValue];

export function toDbAssignment(value: AssignmentValue): DbAssignment {
  return dbValues[value];
}

export function fromDbAssignment(value: DbAssignment): AssignmentValue {
  const found = assignmentValues.find((v) => dbValues[v] === value);
  if (!found) throw new Error(`Unknown assignment ${value}`);
  return found;
}

/** Who carries an assignment when the data names nobody explicitly. */
export function defaultParties(assignment: AssignmentValue, parties: readonly PartyRef[]): string[] {
  const byRole = (role: PartyRoleValue) => parties.filter((p) => p.role === role).map((p) => p.key);
  switch (assignment) {
    case "provider":
    case "best-effort":
      return byRole("provider");
    case "customer":
      return byRole("customer");
    case "shared":
      return [...byRole("customer"), ...byRole("provider")];
    case "third-party":
      return byRole("third-party");
    case "n/a":
      return [];
  }
}

/** Who carries an assignment as stored: the named parties, else the default; nobody without an assignment. */
export function responsibleParties(
  assignment: AssignmentValue | null | undefined,
  keys: readonly string[] | undefined,
  parties: readonly PartyRef[],
): string[] {
  return assignment ? [...(keys ?? defaultParties(assignment, parties))] : [];
}

/**
 * Checks that the named parties fit the assignment; returns a reason or null.
 * `shared` names two or more parties (Contain's "Customer + Contain", or "All").
 */
export function partiesProblem(
  assignment: AssignmentValue,
  keys: readonly string[],
  parties: readonly PartyRef[],
): string | null {
  const roles = new Map(parties.map((p) => [p.key, p.role]));
  const unknown = keys.filter((k) => !roles.has(k));
  if (unknown.length) return `unknown part${unknown.length > 1 ? "ies" : "y"}: ${unknown.join(", ")}`;
  if (new Set(keys).size !== keys.length) return "a party is named twice";
  const rolesOf = keys.map((k) => roles.get(k));
  const only = (role: PartyRoleValue) => keys.length >= 1 && rolesOf.every((r) => r === role);
  switch (assignment) {
    case "provider":
    case "best-effort":
      return only("provider") ? null : `"${assignment}" must name the provider party only`;
    case "customer":
      return only("customer") ? null : `"customer" must name the customer party only`;
    case "third-party":
      return only("third-party") ? null : `"third-party" must name third parties only`;
    case "shared":
      return keys.length >= 2 ? null : `"shared" must name at least two parties`;
    case "n/a":
      return keys.length === 0 ? null : `"n/a" names no party`;
  }
}

/** CSA CAIQ v4 "SSRM Control Ownership" values, the language auditors use. */
export const caiqOwnershipValues = [
  "CSP-owned",
  "CSC-owned",
  "Shared CSP and CSC",
  "3rd-party outsourced",
  "Shared CSP and 3rd-party",
  "N/A",
] as const;
export type CaiqOwnership = (typeof caiqOwnershipValues)[number];

export interface CaiqMapping {
  ownership: CaiqOwnership;
  /** False where CAIQ has no exact value and the nearest one is used; `note` explains. */
  exact: boolean;
  note?: string;
}

export function toCaiqOwnership(
  assignment: AssignmentValue,
  keys: readonly string[],
  parties: readonly PartyRef[],
): CaiqMapping {
  const roles = new Set(keys.map((k) => parties.find((p) => p.key === k)?.role));
  switch (assignment) {
    case "provider":
      return { ownership: "CSP-owned", exact: true };
    case "customer":
      return { ownership: "CSC-owned", exact: true };
    case "third-party":
      return { ownership: "3rd-party outsourced", exact: true };
    case "n/a":
      return { ownership: "N/A", exact: true };
    case "best-effort":
      return {
        ownership: "Shared CSP and CSC",
        exact: false,
        note: "The provider's part is best effort only; the customer remains accountable.",
      };
    case "shared": {
      const hasProvider = roles.has("provider");
      const hasCustomer = roles.has("customer");
      const hasThird = roles.has("third-party");
      if (hasProvider && hasCustomer && !hasThird) return { ownership: "Shared CSP and CSC", exact: true };
      if (hasProvider && hasThird && !hasCustomer) return { ownership: "Shared CSP and 3rd-party", exact: true };
      return {
        ownership: "Shared CSP and CSC",
        exact: false,
        note: "CAIQ has no value for this combination of parties; the nearest one is given.",
      };
    }
  }
}
