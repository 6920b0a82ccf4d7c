// One change impact: what a provider's new version changed for the organization, system by system,
// with links to the version and the diff, the acknowledgement, and the files to keep as evidence.
import type { Metadata } from "next";
import Link from "next/link";

import { ImpactRows } from "@/components/changes/impact-rows";
import { RankBadge } from "@/components/changes/rank-badge";
import { ExportMenu } from "@/components/exports/export-menu";
import { ButtonForm } from "@/components/forms/button-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { acknowledgeImpactAction } from "@/lib/actions/changes";
import { Card } from "@/components/ui/card";
import { impactExportChoices } from "@/lib/exports/export-formats";
import { formatDateTime } from "@/lib/format";
import { getChangeImpact } from "@/lib/notifications/get-change-impact";
import { compareHref, versionHref } from "@/lib/versions/version-format";
import { orNotFound } from "@/app/systems/page-access";
import { requireChangesMember } from "../page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Change to our obligations",
  description: "The rows of your services and systems a provider's new version changed, before and after.",
};

type Props = { params: Promise<{ impact: string }> };

export default async function ChangeImpactPage({ params }: Props) {
  const { impact: id } = await params;
  const actor = await requireChangesMember(`/me/changes/${id}`);
  const impact = await orNotFound(getChangeImpact({ actor, id }));
  const provider = impact.provider;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/me/changes", label: "Changes" },
          { label: `${provider.name} v${impact.toVersion}` },
        ]}
      />
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
        <ExportMenu href={`/api/v1/me/changes/${impact.id}/export`} params={{}} formats={impactExportChoices} />
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
          <ButtonForm
            action={acknowledgeImpactAction}
            fields={{ impact: impact.id }}
            label="Acknowledge"
            pendingLabel="Acknowledging…"
          />
        )}
      </Card>
      {impact.systems.map((system) => (
        <section key={system.slug} className="mb-6" aria-labelledby={`system-${system.slug}`}>
          <h2 id={`system-${system.slug}`} className="mb-2 text-lg font-semibold text-slate-900">
            <Link href={`/me/systems/${system.slug}`} className="hover:underline">
              {system.name}
            </Link>
          </h2>
          <ImpactRows system={system} organization={impact.organization.name} />
        </section>
      ))}
    </>
  );
}
