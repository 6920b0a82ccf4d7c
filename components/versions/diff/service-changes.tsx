// Services: a changed service with its own fields and changed parts, and added or removed services
// with their areas.
import Link from "next/link";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import type { ServiceChange } from "@/lib/model/diff";
import { AreasChanges } from "./area-changes";
import { CollectionChanges } from "./collection-changes";
import { SubBlock } from "./diff-blocks";
import { hasChanges, type DiffContext, type Doc } from "./diff-context";
import { Fields } from "./field-changes";
import { ItemCard, Tag } from "./item-cards";

export function ServiceChangeView({
  change,
  before,
  after,
  ctx,
  href,
}: {
  change: ServiceChange;
  before: Doc;
  after: Doc;
  ctx: DiffContext;
  href?: string;
}) {
  const was = before.services.find((s) => s.slug === change.key);
  const is = after.services[change.position];
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-service={change.key}>
      <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        <Tag kind="changed" />
        {href ? (
          <Link href={href} className="hover:underline">
            {change.label}
          </Link>
        ) : (
          change.label
        )}
      </h3>
      <Fields fields={change.fields} ctx={ctx} />
      {hasChanges(change.groups) ? (
        <SubBlock title="Groups">
          <CollectionChanges diff={change.groups} noun="groups" ctx={ctx} />
        </SubBlock>
      ) : null}
      {hasChanges(change.areas) ? (
        <SubBlock title="Responsibility areas">
          <AreasChanges diff={change.areas} before={was?.areas ?? []} after={is?.areas ?? []} ctx={ctx} />
        </SubBlock>
      ) : null}
      {hasChanges(change.layers) ? (
        <SubBlock title="Stack layers">
          <CollectionChanges diff={change.layers} noun="layers" ctx={ctx} />
        </SubBlock>
      ) : null}
      {hasChanges(change.components) ? (
        <SubBlock title="Stack components">
          <CollectionChanges diff={change.components} noun="components" ctx={ctx} />
        </SubBlock>
      ) : null}
      {hasChanges(change.deploymentModels) ? (
        <SubBlock title="Deployment models">
          <CollectionChanges diff={change.deploymentModels} noun="deployment models" ctx={ctx} />
        </SubBlock>
      ) : null}
    </li>
  );
}

export function ServiceList({ services, kind }: { services: Doc["services"]; kind: "added" | "removed" }) {
  return services.map((service) => (
    <ItemCard key={`${kind}-${service.slug}`} kind={kind} title={`${service.name} (${service.category})`}>
      <p className="text-sm">
        {service.areas.length} responsibility {service.areas.length === 1 ? "area" : "areas"}
        {service.areas.length ? ":" : "."}
      </p>
      {service.areas.length ? (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {service.areas.map((a, i) => (
            <li key={i} className="inline-flex items-center gap-1.5">
              <span className={kind === "removed" ? "line-through decoration-red-700/60" : ""}>{a.name}</span>
              <AssignmentBadge assignment={a.assignment} />
            </li>
          ))}
        </ul>
      ) : null}
    </ItemCard>
  ));
}
