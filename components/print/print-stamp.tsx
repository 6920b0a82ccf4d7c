import { formatDateTime } from "@/lib/format";
import { PrintUrl } from "./print-url";

/** What a printed page shows of the provider. */
export type PrintedVersion =
  | { kind: "version"; number: number; publishedAt: Date; current: boolean }
  | { kind: "draft" }
  | { kind: "unpublished" };

function describe(version: PrintedVersion): string {
  switch (version.kind) {
    case "version":
      return `Version ${version.number} (${version.current ? "current" : "not the current version"}), published ${formatDateTime(version.publishedAt)}`;
    case "draft":
      return "Draft: unpublished changes, not a published version";
    case "unpublished":
      return "Not published yet";
  }
}

/**
 * A line at the top of every printed page — the provider, the version shown and the page's address —
 * so a loose sheet still says what it is and where it came from. Hidden on screen, where the page
 * says all of this itself. app/globals.css repeats it on each page and keeps room for it. The
 * provider layout stamps every page with the current version; a page that shows another one (an
 * old version, the draft) adds its own stamp with `scope="page"`, which replaces the layout's.
 */
export function PrintStamp({
  provider,
  version,
  scope = "layout",
}: {
  provider: string;
  version: PrintedVersion;
  scope?: "layout" | "page";
}) {
  return (
    <div data-scope={scope} className="print-stamp hidden print:flex">
      <span>
        <span className="font-semibold">{provider}</span> · {describe(version)}
      </span>
      <PrintUrl />
    </div>
  );
}
