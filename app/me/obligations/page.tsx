import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { ExportMenu } from "@/components/exports/export-menu";
import { DutyCard } from "@/components/obligations/duty-card";
import { obligationsExportChoices } from "@/lib/exports/export-formats";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getObligations, type ObligationsDto } from "@/lib/obligations/get-obligations";
import { plural } from "@/lib/format";
import { SUBSCRIBED_SERVICES } from "@/lib/systems/subscribed-services";
import { areaHref } from "@/lib/model/area-anchor";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "My obligations",
  description:
    "Every duty your organization carries under the services it subscribes to, by provider and service, to read or export.",
};

export default async function MyObligationsPage() {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent("/me/obligations")}`);
  if (!can(actor, "read:obligations:own")) notFound();
  if (actor.kind !== "user" || !actor.organizationId)
    return (
      <Page>
        <Notice title="Your account is not linked to an organization">
          Obligations come from the services your organization subscribes to. Ask an administrator to add your account
          to its organization.
        </Notice>
      </Page>
    );

  const data = await getObligations({ actor });
  return (
    <Page organization={data.organization.name}>
      {data.providers.length === 0 ? (
        <Notice title={`${data.organization.name} does not subscribe to any services yet`}>
          Once your account manager records your organization&apos;s subscriptions, everything you are responsible for
          appears here. Meanwhile, the{" "}
          <Link href="/" className="font-medium text-blue-700 hover:underline">
            catalog
          </Link>{" "}
          shows every provider&apos;s model.
        </Notice>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
            <Link
              href={`/me/systems/${SUBSCRIBED_SERVICES}/obligations`}
              className="text-sm font-medium text-blue-700 hover:underline"
            >
              Track them: status, owner, due date, evidence
            </Link>
            <ExportMenu href="/api/v1/me/obligations/export" params={{}} formats={obligationsExportChoices} />
          </div>
          <Summary data={data} />
          {data.providers.map((provider) => (
            <section key={provider.slug} aria-labelledby={`provider-${provider.slug}`} className="mt-10">
              <div
                className="mb-4 flex flex-wrap items-baseline justify-between gap-2 border-l-4 pl-3"
                style={{ borderColor: provider.brandColor }}
              >
                <h2 id={`provider-${provider.slug}`} className="text-xl font-semibold text-slate-900">
                  <Link href={`/providers/${provider.slug}`} className="hover:underline">
                    {provider.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-600">
                  {plural(provider.dutyCount, "duty", "duties")} · {plural(provider.services.length, "service")}
                </p>
              </div>
              <div className="space-y-4">
                {provider.services.map((service) => (
                  <DutyCard
                    key={service.slug}
                    id={`service-${provider.slug}-${service.slug}`}
                    title={service.name}
                    href={`/providers/${provider.slug}/services/${service.slug}`}
                    meta={service.category}
                    dutyCount={service.dutyCount}
                    areas={service.areas}
                    areaHref={(key) => areaHref({ provider: provider.slug, service: service.slug, area: key })}
                  />
                ))}
                {provider.crossCutting.areas.length > 0 ? (
                  <DutyCard
                    id={`cross-cutting-${provider.slug}`}
                    title={`Across all ${provider.name} services`}
                    href={`/providers/${provider.slug}#cross-cutting`}
                    meta="Cross-cutting"
                    dutyCount={provider.crossCutting.dutyCount}
                    areas={provider.crossCutting.areas}
                    areaHref={(key) => areaHref({ provider: provider.slug, service: null, area: key })}
                  />
                ) : null}
              </div>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

function Page({ organization, children }: { organization?: string; children: ReactNode }) {
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "My obligations" }]} />
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">My obligations</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          {organization ? `What ${organization} is responsible for` : "What your organization is responsible for"} in
          the services it subscribes to: the customer side of each provider&apos;s shared responsibility model. Areas
          the provider covers alone, or where the customer side is marked N/A, are left out.
        </p>
      </header>
      {children}
    </>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="max-w-2xl p-6">
      <h2 className="font-semibold text-slate-900">{title}</h2>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
    </Card>
  );
}

function Summary({ data }: { data: ObligationsDto }) {
  return (
    <Card className="p-5">
      <h2 className="sr-only">Summary</h2>
      <p className="text-slate-800">
        <span className="text-2xl font-semibold text-slate-900">{data.dutyCount}</span>{" "}
        {data.dutyCount === 1 ? "duty" : "duties"} across {plural(data.serviceCount, "service")} from{" "}
        {plural(data.providers.length, "provider")}
      </p>
      <ul aria-label="Duties per service" className="mt-4 grid grid-cols-1 gap-x-8 text-sm md:grid-cols-2">
        {data.providers.flatMap((p) => [
          ...p.services.map((s) => (
            <SummaryRow
              key={`${p.slug}/${s.slug}`}
              href={`#service-${p.slug}-${s.slug}`}
              label={s.name}
              provider={p.name}
              count={s.dutyCount}
            />
          )),
          ...(p.crossCutting.areas.length > 0
            ? [
                <SummaryRow
                  key={`${p.slug}/cross-cutting`}
                  href={`#cross-cutting-${p.slug}`}
                  label="All services (cross-cutting)"
                  provider={p.name}
                  count={p.crossCutting.dutyCount}
                />,
              ]
            : []),
        ])}
      </ul>
    </Card>
  );
}

function SummaryRow(props: { href: string; label: string; provider: string; count: number }) {
  return (
    <li className="flex items-baseline justify-between gap-3 border-b border-dotted border-slate-200 py-1">
      <a href={props.href} className="min-w-0 text-slate-700 hover:text-slate-900 hover:underline">
        <span className="text-slate-500">{props.provider} · </span>
        {props.label}
      </a>
      <span className="shrink-0 tabular-nums font-medium text-slate-900">{plural(props.count, "duty", "duties")}</span>
    </li>
  );
}
