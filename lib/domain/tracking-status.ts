// What a customer records an obligation as: the statuses, their labels, and which settle it. Pure and
// free of the document types, so the schemas (lib/validation) and the tracking rules can both use it.
export const trackingStatuses = [
  "open",
  "planned",
  "in-progress",
  "implemented",
  "not-applicable",
  "risk-accepted",
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export const trackingStatusLabels: Record<TrackingStatus, string> = {
  open: "Open",
  planned: "Planned",
  "in-progress": "In progress",
  implemented: "Implemented",
  "not-applicable": "Not applicable",
  "risk-accepted": "Risk accepted",
};

/** Statuses that settle an obligation: progress counts them as done. */
export const settledStatuses: readonly TrackingStatus[] = ["implemented", "not-applicable", "risk-accepted"];
