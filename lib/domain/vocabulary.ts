// The fixed word lists of a provider document. Dependency-free: the schema
// (lib/validation/provider-document.ts) and client components (editor selects) share them without
// pulling zod into the browser.

export const planeValues = ["control", "data"] as const;
export const serviceCategories = ["IaaS", "PaaS", "SaaS", "CaaS", "FaaS", "DBaaS", "STaaS"] as const;
export const complianceKinds = ["basis", "framework"] as const;
export const contactKinds = ["email", "url", "phone", "other"] as const;

export type ContactKind = (typeof contactKinds)[number];

/** How binding a duty is: "must" (the default, not stored), recommended, optional, or explicitly not done. */
export const dutyStrengths = ["must", "should", "may", "excluded"] as const;
export type DutyStrength = (typeof dutyStrengths)[number];

/** Shown with the duty, in words: the meaning never rests on styling alone. */
export const dutyStrengthLabels: Record<DutyStrength, string> = {
  must: "Must",
  should: "Should",
  may: "May",
  excluded: "Not done",
};
