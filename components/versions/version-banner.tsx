import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { compareHref } from "@/lib/versions/version-format";

/** Says which version a read-only page shows, and whether it is the current one. */
export function VersionBanner({
  provider,
  number,
  publishedAt,
  latest,
  note,
  publisher,
}: {
  provider: string;
  number: number;
  publishedAt: Date;
  /** The newest version's number. */
  latest: number;
  note: string;
  /** Who published, as the reader may see it (lib/versions/version-format.ts publisherLabel). */
  publisher: string;
}) {
  const current = number === latest;
  const link = "font-medium underline hover:no-underline";
  return (
    <div
      role="note"
      aria-label="Version"
      className={`mb-6 rounded-xl border px-4 py-3 text-sm ${
        current ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-amber-300 bg-amber-50 text-amber-950"
      }`}
    >
      <p className="text-base font-semibold">
        Version {number} of {formatDateTime(publishedAt)} —{" "}
        {current ? "the current version" : "not the current version"}
      </p>
      <p className="mt-1">
        <span className="font-medium">Published by: </span>
        {publisher}
      </p>
      <p className="mt-1 whitespace-pre-line">
        <span className="font-medium">Changelog note: </span>
        {note}
      </p>
      <p className="no-print mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {current ? null : (
          <>
            <Link className={link} href={`/providers/${encodeURIComponent(provider)}`}>
              See the current version
            </Link>
            <Link className={link} href={compareHref(provider, number, latest)}>
              Compare with the current version
            </Link>
          </>
        )}
        {number > 1 ? (
          <Link className={link} href={compareHref(provider, number - 1, number)}>
            Compare with version {number - 1}
          </Link>
        ) : null}
        <Link className={link} href={`/providers/${encodeURIComponent(provider)}/versions`}>
          All versions
        </Link>
      </p>
    </div>
  );
}
