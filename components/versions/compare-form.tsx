import { formatDateTime } from "@/lib/format";
import type { DiffLayout } from "@/lib/versions/version-format";

/**
 * Choose any two versions to compare. A plain GET form: works without JavaScript and gives a
 * shareable URL (…/versions/compare?from=1&to=3).
 */
export function CompareForm({
  provider,
  versions,
  from,
  to,
  layout = "inline",
}: {
  provider: string;
  /** Newest first. */
  versions: readonly { number: number; publishedAt: Date }[];
  from: number | null;
  to: number | null;
  layout?: DiffLayout;
}) {
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      Version {v.number} — {formatDateTime(v.publishedAt)}
    </option>
  ));
  const select =
    "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30";
  return (
    <form
      method="get"
      action={`/providers/${encodeURIComponent(provider)}/versions/compare`}
      aria-label="Compare two versions"
      className="no-print flex flex-wrap items-end gap-3"
    >
      <label className="text-sm font-medium text-slate-700">
        From
        <select name="from" defaultValue={from ?? versions[1]?.number ?? versions[0]?.number} className={select}>
          {options}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        To
        <select name="to" defaultValue={to ?? versions[0]?.number} className={select}>
          {options}
        </select>
      </label>
      {layout === "split" ? <input type="hidden" name="view" value="split" /> : null}
      <button
        type="submit"
        className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Compare
      </button>
    </form>
  );
}
