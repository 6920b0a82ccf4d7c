/** Marks a service (or a provider's count of services) the reader's organization subscribes to. */
export function SubscribedBadge({ className = "", children }: { className?: string; children?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-900 ring-1 ring-inset ring-emerald-600/40 ${className}`}
    >
      <span aria-hidden="true">✓</span>
      {children ?? "Your organization subscribes"}
    </span>
  );
}
