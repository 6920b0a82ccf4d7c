import type { AssignmentValue } from "@/lib/domain/assignment";

/** Tailwind classes per assignment; static strings so Tailwind can see them. */
export const assignmentClasses: Record<AssignmentValue, { badge: string; swatch: string; cell: string; text: string }> =
  {
    provider: {
      badge: "bg-provider-soft text-provider ring-provider/40",
      swatch: "bg-provider",
      cell: "bg-provider-soft",
      text: "text-provider",
    },
    customer: {
      badge: "bg-customer-soft text-customer ring-customer/40",
      swatch: "bg-customer",
      cell: "bg-customer-soft",
      text: "text-customer",
    },
    shared: {
      badge: "bg-shared-soft text-shared ring-shared/40",
      swatch: "bg-shared",
      cell: "bg-shared-soft",
      text: "text-shared",
    },
    "best-effort": {
      badge: "bg-best-effort-soft text-best-effort ring-best-effort/40",
      swatch: "bg-best-effort",
      cell: "bg-best-effort-soft",
      text: "text-best-effort",
    },
    "third-party": {
      badge: "bg-third-party-soft text-third-party ring-third-party/40",
      swatch: "bg-third-party",
      cell: "bg-third-party-soft",
      text: "text-third-party",
    },
    "n/a": { badge: "bg-na-soft text-na ring-na/30", swatch: "bg-na", cell: "bg-na-soft", text: "text-na" },
  };
