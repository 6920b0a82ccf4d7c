// Small decorative icons (always aria-hidden; the surrounding text carries the meaning).
const base = {
  "aria-hidden": true,
  focusable: false,
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  viewBox: "0 0 24 24",
} as const;

export function FilterIcon({ className = "size-3.5" }: { className?: string }) {
  return (
    <svg {...base} className={className}>
      <path d="M3 5h18l-7 8v6l-4 2v-8z" />
    </svg>
  );
}

export function SearchIcon({ className = "size-4" }: { className?: string }) {
  return (
    <svg {...base} className={className}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export function ColumnsIcon({ className = "size-3.5" }: { className?: string }) {
  return (
    <svg {...base} className={className}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16M15 4v16" />
    </svg>
  );
}

export function ResetIcon({ className = "size-3.5" }: { className?: string }) {
  return (
    <svg {...base} className={className}>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}

/** Sort indicator: up/down chevrons, one highlighted for the active direction. */
export function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg {...base} className="size-3.5 shrink-0" strokeWidth={2.5}>
      <path
        d="m7 10 5-5 5 5"
        className={direction === "asc" ? "text-slate-900" : direction ? "opacity-25" : "opacity-40"}
      />
      <path
        d="m7 14 5 5 5-5"
        className={direction === "desc" ? "text-slate-900" : direction ? "opacity-25" : "opacity-40"}
      />
    </svg>
  );
}
