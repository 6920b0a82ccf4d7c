import { LinkButton } from "@/components/ui/link-button";

/** Previous and next links for one paginated list, with where the reader is. */
export function PageLinks({
  label,
  page,
  pageCount,
  href,
}: {
  /** Names the navigation landmark, e.g. "Provider pages". */
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? <LinkButton href={href(page - 1)}>Previous page</LinkButton> : null}
      <span className="text-slate-600">{`Page ${Math.min(page, pageCount)} of ${pageCount}`}</span>
      {page < pageCount ? <LinkButton href={href(page + 1)}>Next page</LinkButton> : null}
    </nav>
  );
}

/** A page number from a query parameter: a positive whole number, anything else the first page. */
export function pageNumber(raw: string | string[] | undefined): number {
  const value = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, value);
}
