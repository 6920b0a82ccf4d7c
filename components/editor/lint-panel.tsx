import Link from "next/link";
import type { LintIssue } from "@/lib/model/lint";
import { plural } from "@/lib/format";

// The draft's checks (lib/model/lint.ts), errors first, each linking to the place it is about.
// Rendered on the server from the latest draft: every saved change revalidates the page, so the
// panel follows the editing; its summary is a live region, so the change is announced too.

/** Where an issue can be fixed: the row in the service's draft view, or the edit page's section. */
export function lintIssueHref(provider: string, issue: LintIssue): string {
  const base = `/providers/${provider}`;
  const [top, index, list, item] = issue.path;
  if (top === "crossCuttingAreas" && typeof index === "number") return `${base}/edit#cross-cutting-area-${index}`;
  if (top === "services" && issue.service) {
    const service = `${base}/services/${issue.service}?view=draft`;
    if (list === "areas") return typeof item === "number" ? `${service}#area-${item}` : `${service}#matrix`;
    if (list === "layers") return `${base}/edit#service-${issue.service}-layers`;
    if (list === "deploymentModels") return `${base}/edit#service-${issue.service}-deployment-models`;
    return `${base}/edit#service-${issue.service}`;
  }
  return `${base}/edit`;
}

export function LintPanel({
  provider,
  issues,
  service,
  headingLevel = 2,
  id = "checks",
}: {
  provider: string;
  /** Every issue of the draft. */
  issues: readonly LintIssue[];
  /** Show only this service's issues (by slug); the rest are counted with a link to the edit page. */
  service?: { slug: string; name: string };
  headingLevel?: 2 | 3;
  id?: string;
}) {
  const shown = service ? issues.filter((i) => i.service === service.slug) : issues;
  const elsewhere = issues.length - shown.length;
  const errorsElsewhere = service ? issues.filter((i) => i.service !== service.slug && i.severity === "error") : [];
  const errors = shown.filter((i) => i.severity === "error");
  const warnings = shown.filter((i) => i.severity === "warning");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";

  const summary =
    errors.length + warnings.length === 0
      ? service
        ? `No issues in ${service.name}.`
        : "No issues: the draft can be published."
      : `${plural(errors.length, "error", "errors")} and ${plural(warnings.length, "warning", "warnings")}${
          service ? ` in ${service.name}` : ""
        }.${errors.length > 0 ? " Errors must be fixed before publishing; warnings may stay." : " Warnings do not block publishing."}`;

  const list = (items: readonly LintIssue[], severity: "error" | "warning") => (
    <ul className="mt-2 space-y-2">
      {items.map((issue, i) => (
        <li
          key={`${issue.rule}-${issue.path.join(".")}-${i}`}
          className={`rounded-md border-l-4 px-3 py-2 text-sm ${
            severity === "error" ? "border-red-600 bg-red-50" : "border-amber-500 bg-amber-50"
          }`}
        >
          <Link href={lintIssueHref(provider, issue)} className="text-slate-900 underline-offset-2 hover:underline">
            {issue.message}
          </Link>{" "}
          <code className="whitespace-nowrap rounded bg-white/70 px-1 text-xs text-slate-600">{issue.rule}</code>
        </li>
      ))}
    </ul>
  );

  return (
    <section
      aria-labelledby={`${id}-title`}
      id={id}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <Heading id={`${id}-title`} className="font-semibold text-slate-900">
        Checks{service ? ` for ${service.name}` : ""}
      </Heading>
      <p
        role="status"
        aria-live="polite"
        className={`mt-1 text-sm ${errors.length > 0 ? "font-medium text-red-800" : "text-slate-700"}`}
      >
        {summary}
      </p>
      {errors.length > 0 ? (
        <div className="mt-3">
          <Sub className="text-sm font-semibold text-red-800">Errors ({errors.length})</Sub>
          {list(errors, "error")}
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <details className="mt-3" open={warnings.length <= 5}>
          <summary className="cursor-pointer text-sm font-semibold text-amber-900">
            <Sub className="inline">Warnings ({warnings.length})</Sub>
          </summary>
          {list(warnings, "warning")}
        </details>
      ) : null}
      {service && elsewhere > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          {plural(elsewhere, "more issue", "more issues")} elsewhere in the draft
          {errorsElsewhere.length > 0 ? ` (${plural(errorsElsewhere.length, "error", "errors")})` : ""}:{" "}
          <Link href={`/providers/${provider}/edit#checks`} className="text-blue-700 underline">
            see all checks
          </Link>
          .
        </p>
      ) : null}
    </section>
  );
}
