// Words for the kinds and ranks of lib/model/version-impact.ts, shared by pages, files and messages. Pure.
import type { ImpactKind, ImpactRank } from "./version-impact";

export const impactKindLabels: Record<ImpactKind, string> = {
  "became-yours": "Became yours",
  "left-you": "No longer yours",
  "text-changed": "Wording changed",
  "strength-changed": "Strength changed",
  "area-added": "Area added",
  "area-removed": "Area removed",
  "area-renamed": "Area renamed",
  "assignment-changed": "Assignment changed",
};

export const impactRankLabels: Record<ImpactRank, string> = {
  "action-required": "Action required",
  informational: "Informational",
};
