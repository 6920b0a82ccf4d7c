// One change impact: what a provider's new version changed for an organization, system by system,
// with links to the version and the diff and the acknowledgement. Members act on it (`acknowledge`,
// `exportMenu`); staff read it.
import type { ReactNode } from "react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { ChangeImpactView } from "@/lib/notifications/get-change-impact";
import { compareHref, versionHref } from "@/lib/versions/version-format";
import { ImpactRows } from "./impact-rows";
import { RankBadge } from "./rank-badge";

export function ImpactDetail({
  impact,
  systemHref,
  acknowledge,
  exportMenu,
}: {
  impact: ChangeImpactView;
  /** Where a system of the impact opens, by its slug. */
  systemHref: (slug: string) => string;
  /** Shown while the impact is not acknowledged. */
  acknowledge?: ReactNode;
  exportMenu?: ReactNode;
}) {
  const provider = impact.provider;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-slate-900">
            {provider.name}: version {impact.fromVersion} → {impact.toVersion}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Published {formatDateTime(impact.createdAt)}
            {impact.publishedBy ? ` by ${impact.publishedBy}` : ""}.
          </p>
        </div>
        {exportMenu}
      </div>
      <Card className="mb-6 space-y-3 p-4">
        <p className="flex flex-wrap gap-2">
          {impact.actionRequired ? <RankBadge rank="action-required" count={impact.actionRequired} /> : null}
          {impact.informational ? <RankBadge rank="informational" count={impact.informational} /> : null}
        </p>
        {impact.note ? (
          <p className="whitespace-pre-line break-words text-sm text-slate-800">
            <span className="font-medium">The provider&apos;s note:</span> {impact.note}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link
            href={versionHref(provider.slug, impact.toVersion)}
            className="font-medium text-blue-700 hover:underline"
          >
            Version {impact.toVersion}
          </Link>
          <Link
            href={compareHref(provider.slug, impact.fromVersion, impact.toVersion)}
            className="font-medium text-blue-700 hover:underline"
          >
            Everything that changed (diff)
          </Link>
        </p>
        {impact.acknowledged ? (
          <p className="text-sm font-medium text-emerald-800">
            Acknowledged by {impact.acknowledged.by}, {formatDateTime(impact.acknowledged.at)}.
          </p>
        ) : (
          (acknowledge ?? <p className="text-sm font-medium text-slate-900">Not acknowledged yet.</p>)
        )}
      </Card>
      {impact.systems.map((system) => (
        <section key={system.slug} className="mb-6" aria-labelledby={`system-${system.slug}`}>
          <h2 id={`system-${system.slug}`} className="mb-2 text-lg font-semibold text-slate-900">
            <Link href={systemHref(system.slug)} className="hover:underline">
              {system.name}
            </Link>
          </h2>
          <ImpactRows system={system} organization={impact.organization.name} />
        </section>
      ))}
    </>
  );
}
