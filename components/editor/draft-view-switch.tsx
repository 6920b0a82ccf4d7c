import Link from "next/link";
import { formatDateTime } from "@/lib/format";

// For editors only: switches a page between the published model (what readers see) and the
// provider's draft (?view=draft), and says what the draft holds.

export function DraftViewSwitch({
  basePath,
  view,
  editHref,
  draft,
}: {
  /** The page without a query string. */
  basePath: string;
  view: "draft" | "published";
  /** The provider's edit page. */
  editHref: string;
  draft: { changes: number; updatedAt: Date | null };
}) {
  const chip = (target: "published" | "draft", label: string) => {
    const current = view === target;
    return (
      <Link
        href={target === "draft" ? `${basePath}?view=draft` : basePath}
        aria-current={current ? "page" : undefined}
        scroll={false}
        className={`rounded-md px-3 py-1 text-sm font-medium ${
          current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-white hover:text-slate-900"
        }`}
      >
        {label}
      </Link>
    );
  };
  const status =
    draft.changes === 0
      ? "The draft has no unpublished changes."
      : `The draft has ${draft.changes} unpublished ${draft.changes === 1 ? "change" : "changes"}${
          draft.updatedAt ? `, the last on ${formatDateTime(draft.updatedAt)}` : ""
        }.`;
  return (
    <div className="no-print mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-blue-200 bg-blue-50/60 px-3 py-2">
      <nav aria-label="Draft or published" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {chip("published", "Published")}
        {chip("draft", "Draft")}
      </nav>
      <p className="text-sm text-slate-700">
        {view === "draft" ? "You are editing the draft: readers do not see it until it is published. " : null}
        {status}{" "}
        <Link href={`${editHref}#publish`} className="font-medium text-blue-800 underline">
          {draft.changes > 0 ? "Review and publish" : "Edit page"}
        </Link>
      </p>
    </div>
  );
}
