// A readable diff of two provider documents (from lib/domain/diff.ts): summary counts, then provider
// fields, services (areas, layers, components, deployment models), cross-cutting areas, parties,
// sections, contacts and compliance. Inline (one column, − and + lines in place) or side by side
// (before | after). Server-compatible: no hooks. Colour is never the only cue: every added or removed
// line carries + or − and a screen-reader word.
import Link from "next/link";
import type { ReactNode } from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type {
  AreasDiff,
  CollectionDiff,
  FieldChange,
  FieldValue,
  ItemMove,
  ProviderDiff,
  ServiceChange,
} from "@/lib/domain/diff";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { fieldLabel } from "@/lib/versions/change-summary";
import { isLongText, lineDiff, type LineOp } from "@/lib/versions/line-diff";
import type { DiffLayout } from "@/lib/versions/version-format";

type Doc = ProviderDocument;
type Area = Doc["crossCuttingAreas"][number];

interface Context {
  layout: DiffLayout;
  /** Column headings in side-by-side mode, e.g. "Version 1". */
  beforeLabel: string;
  afterLabel: string;
  /** Party key → name (as in `after`, else as in `before`). */
  partyNames: ReadonlyMap<string, string>;
  /** The provider party's name, for "<provider> duties". */
  providerName: string;
}

export interface DiffViewProps {
  diff: ProviderDiff;
  before: Doc;
  after: Doc;
  layout: DiffLayout;
  beforeLabel: string;
  afterLabel: string;
  /** Link to a service as it is in `after` (changed and added services). */
  serviceHref?: (slug: string) => string;
}

// ---- small pieces -----------------------------------------------------------------------------

const tone = {
  added: "border-emerald-200 bg-emerald-50 text-emerald-950",
  removed: "border-red-200 bg-red-50 text-red-950",
  changed: "border-slate-200 bg-white text-slate-900",
} as const;

function Mark({ kind }: { kind: LineOp["kind"] }) {
  if (kind === "same")
    return (
      <span aria-hidden="true" className="w-4 shrink-0 select-none font-mono text-slate-400">
        {" "}
      </span>
    );
  return (
    <>
      <span
        aria-hidden="true"
        className={`w-4 shrink-0 select-none font-mono font-bold ${kind === "added" ? "text-emerald-700" : "text-red-700"}`}
      >
        {kind === "added" ? "+" : "−"}
      </span>
      <span className="sr-only">{kind === "added" ? "added: " : "removed: "}</span>
    </>
  );
}

function Line({ op }: { op: LineOp }) {
  const classes =
    op.kind === "added"
      ? "bg-emerald-50 text-emerald-950"
      : op.kind === "removed"
        ? "bg-red-50 text-red-950 line-through decoration-red-700/60"
        : "text-slate-600";
  return (
    <li className={`flex gap-1.5 rounded px-1.5 py-0.5 ${classes}`} data-diff={op.kind}>
      <Mark kind={op.kind} />
      <span className="min-w-0 break-words whitespace-pre-wrap">{op.text || "\u00a0"}</span>
    </li>
  );
}

function Lines({ ops, empty = "none" }: { ops: readonly LineOp[]; empty?: string }) {
  if (!ops.length) return <p className="px-1.5 text-sm text-slate-400 italic">{empty}</p>;
  return (
    <ul className="space-y-0.5 text-sm">
      {ops.map((op, i) => (
        <Line key={i} op={op} />
      ))}
    </ul>
  );
}

function Columns({ ctx, before, after }: { ctx: Context; before: ReactNode; after: ReactNode }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="min-w-0">
        <p className="mb-0.5 text-xs font-medium text-slate-500">{ctx.beforeLabel}</p>
        {before}
      </div>
      <div className="min-w-0">
        <p className="mb-0.5 text-xs font-medium text-slate-500">{ctx.afterLabel}</p>
        {after}
      </div>
    </div>
  );
}

function Scalar({ value, kind }: { value: FieldValue; kind: "added" | "removed" }) {
  const text = formatValue(value);
  if (text === null) return <span className="text-slate-400 italic">none</span>;
  return kind === "removed" ? (
    <del className="rounded bg-red-50 px-1 text-red-950 decoration-red-700/60">
      <span className="sr-only">was: </span>
      {text}
    </del>
  ) : (
    <ins className="rounded bg-emerald-50 px-1 text-emerald-950 no-underline">
      <span className="sr-only">now: </span>
      {text}
    </ins>
  );
}

function formatValue(value: FieldValue): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.join(", ") : null;
  return String(value);
}

function isAssignment(value: FieldValue): value is AssignmentValue {
  return typeof value === "string" && (assignmentValues as readonly string[]).includes(value);
}

function asLines(value: FieldValue): string[] {
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (value === null || value === "") return [];
  return String(value).split("\n");
}

/** One changed field: its label, then the change as badges, lines or before → after. */
function FieldChangeView({ change, ctx }: { change: FieldChange; ctx: Context }) {
  const label = fieldLabel(change.field);
  let body: ReactNode;
  if (change.field === "assignment" && (isAssignment(change.before) || isAssignment(change.after))) {
    const before = <AssignmentBadge assignment={isAssignment(change.before) ? change.before : null} />;
    const after = <AssignmentBadge assignment={isAssignment(change.after) ? change.after : null} />;
    body =
      ctx.layout === "split" ? (
        <Columns ctx={ctx} before={before} after={after} />
      ) : (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span className="sr-only">from </span>
          {before}
          <span aria-hidden="true">→</span>
          <span className="sr-only"> to </span>
          {after}
        </span>
      );
  } else if (change.field === "parties") {
    const names = (v: FieldValue) => asLines(v).map((key) => ctx.partyNames.get(key) ?? key);
    body = <LinesChange before={names(change.before)} after={names(change.after)} ctx={ctx} />;
  } else if (
    Array.isArray(change.before) ||
    Array.isArray(change.after) ||
    isLongText(change.before) ||
    isLongText(change.after)
  ) {
    body = (
      <>
        {change.reordered ? <p className="mb-1 text-xs text-slate-500">Same entries, new order.</p> : null}
        <LinesChange before={asLines(change.before)} after={asLines(change.after)} ctx={ctx} />
      </>
    );
  } else {
    body =
      ctx.layout === "split" ? (
        <Columns
          ctx={ctx}
          before={<Scalar value={change.before} kind="removed" />}
          after={<Scalar value={change.after} kind="added" />}
        />
      ) : (
        <span className="inline-flex flex-wrap items-baseline gap-2">
          <Scalar value={change.before} kind="removed" />
          <span aria-hidden="true">→</span>
          <Scalar value={change.after} kind="added" />
        </span>
      );
  }
  return (
    <div className="grid gap-1 py-1.5 sm:grid-cols-[11rem_1fr] sm:gap-3" data-field={change.field}>
      <dt className="text-sm font-medium text-slate-600 first-letter:uppercase">{label}</dt>
      <dd className="min-w-0 text-sm">{body}</dd>
    </div>
  );
}

function LinesChange({ before, after, ctx }: { before: string[]; after: string[]; ctx: Context }) {
  const ops = lineDiff(before, after);
  if (ctx.layout === "inline") return <Lines ops={ops} />;
  return (
    <Columns
      ctx={ctx}
      before={<Lines ops={ops.filter((op) => op.kind !== "added")} />}
      after={<Lines ops={ops.filter((op) => op.kind !== "removed")} />}
    />
  );
}

function Fields({ fields, ctx, skip = [] }: { fields: readonly FieldChange[]; ctx: Context; skip?: string[] }) {
  const shown = fields.filter((f) => !skip.includes(f.field));
  if (!shown.length) return null;
  return (
    <dl className="divide-y divide-slate-100">
      {shown.map((f) => (
        <FieldChangeView key={f.field} change={f} ctx={ctx} />
      ))}
    </dl>
  );
}

function Tag({ kind }: { kind: "added" | "removed" | "changed" | "moved" }) {
  const classes = {
    added: "bg-emerald-100 text-emerald-900",
    removed: "bg-red-100 text-red-900",
    changed: "bg-amber-100 text-amber-900",
    moved: "bg-slate-100 text-slate-700",
  }[kind];
  const symbol = { added: "+", removed: "−", changed: "~", moved: "↕" }[kind];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${classes}`}>
      <span aria-hidden="true" className="font-mono">
        {symbol}
      </span>
      {kind}
    </span>
  );
}

function ItemCard({
  kind,
  title,
  children,
}: {
  kind: "added" | "removed" | "changed";
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className={`rounded-lg border p-3 ${tone[kind]}`} data-change={kind}>
      <div className="flex flex-wrap items-center gap-2">
        <Tag kind={kind} />
        <span className={`font-medium ${kind === "removed" ? "line-through decoration-red-700/60" : ""}`}>{title}</span>
      </div>
      {children ? <div className="mt-2">{children}</div> : null}
    </li>
  );
}

/** `noun`: plural; the singular drops a final "s" ("areas" → "area"; "parties" → "party"). */
function Moves({ moves, noun }: { moves: readonly ItemMove[]; noun: string }) {
  const one = noun.endsWith("ies") ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, "");
  if (!moves.length) return null;
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-change="moved">
      <div className="flex flex-wrap items-center gap-2">
        <Tag kind="moved" />
        <span>
          {moves.length === 1 ? `One ${one} moved` : `${moves.length} ${noun} moved`} (the new order is shown on the
          version page):
        </span>
      </div>
      <ul className="mt-1 list-disc pl-6">
        {moves.map((m) => (
          <li key={`${m.key}-${m.position}`}>
            {m.label}: position {m.from + 1} → {m.position + 1}
          </li>
        ))}
      </ul>
    </li>
  );
}

// ---- areas ------------------------------------------------------------------------------------

function AreaBody({ area, kind, ctx }: { area: Area; kind: "added" | "removed"; ctx: Context }) {
  const side = (title: string, list: readonly string[], notApplicable: boolean | undefined) => (
    <div>
      <p className="text-xs font-medium text-slate-600">{title}</p>
      {notApplicable ? (
        <p className="px-1.5 text-sm">N/A</p>
      ) : (
        <Lines ops={list.map((text) => ({ kind, text }))} empty="no duties listed" />
      )}
    </div>
  );
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {side(`${ctx.providerName} duties`, area.providerDuties, area.providerNotApplicable)}
      {side("Customer duties", area.customerDuties, area.customerNotApplicable)}
    </div>
  );
}

function AreaTitle({ area }: { area: Area }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {area.name}
      {area.plane ? <span className="text-xs font-normal text-slate-500">({area.plane} plane)</span> : null}
      <span className="no-underline">
        <AssignmentBadge assignment={area.assignment} />
      </span>
    </span>
  );
}

function AreasChanges({
  diff,
  before,
  after,
  ctx,
}: {
  diff: AreasDiff;
  before: readonly Area[];
  after: readonly Area[];
  ctx: Context;
}) {
  const removed = diff.removed.map((ref) => ({ ref, area: before[ref.position] }));
  const added = diff.added.map((ref) => ({ ref, area: after[ref.position] }));
  return (
    <ul className="space-y-2">
      {added.map(({ ref, area }) => (
        <ItemCard key={`a-${ref.position}`} kind="added" title={area ? <AreaTitle area={area} /> : ref.label}>
          {area ? <AreaBody area={area} kind="added" ctx={ctx} /> : null}
        </ItemCard>
      ))}
      {removed.map(({ ref, area }) => (
        <ItemCard key={`r-${ref.position}`} kind="removed" title={area ? <AreaTitle area={area} /> : ref.label}>
          {area ? <AreaBody area={area} kind="removed" ctx={ctx} /> : null}
        </ItemCard>
      ))}
      {diff.changed.map((change) => {
        const area = after[change.position];
        const assignmentChanged = change.fields.some((f) => f.field === "assignment");
        return (
          <ItemCard
            key={`c-${change.position}`}
            kind="changed"
            title={
              <span className="inline-flex flex-wrap items-center gap-2">
                {change.label}
                {change.plane ? (
                  <span className="text-xs font-normal text-slate-500">({change.plane} plane)</span>
                ) : null}
                {!assignmentChanged && area ? <AssignmentBadge assignment={area.assignment} /> : null}
              </span>
            }
          >
            <Fields fields={change.fields} ctx={ctx} />
          </ItemCard>
        );
      })}
      <Moves moves={diff.moved} noun="areas" />
    </ul>
  );
}

// ---- generic collections -------------------------------------------------------------------------

function CollectionChanges({ diff, noun, ctx }: { diff: CollectionDiff; noun: string; ctx: Context }) {
  return (
    <ul className="space-y-2">
      {diff.added.map((item) => (
        <ItemCard key={`a-${item.position}`} kind="added" title={item.label} />
      ))}
      {diff.removed.map((item) => (
        <ItemCard key={`r-${item.position}`} kind="removed" title={item.label} />
      ))}
      {diff.changed.map((item) => (
        <ItemCard key={`c-${item.position}`} kind="changed" title={item.label}>
          <Fields fields={item.fields} ctx={ctx} />
        </ItemCard>
      ))}
      <Moves moves={diff.moved} noun={noun} />
    </ul>
  );
}

function hasChanges(d: { added: unknown[]; removed: unknown[]; changed: unknown[]; moved: unknown[] }): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.moved.length > 0;
}

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function SubBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h4 className="mb-2 text-sm font-semibold text-slate-700">{title}</h4>
      {children}
    </div>
  );
}

// ---- services ---------------------------------------------------------------------------------

function ServiceChangeView({
  change,
  before,
  after,
  ctx,
  href,
}: {
  change: ServiceChange;
  before: Doc;
  after: Doc;
  ctx: Context;
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

function ServiceList({ services, kind }: { services: Doc["services"]; kind: "added" | "removed" }) {
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

// ---- the view ---------------------------------------------------------------------------------

export function DiffSummary({ diff }: { diff: ProviderDiff }) {
  const counts = [
    { kind: "added", n: diff.summary.added, label: "added" },
    { kind: "removed", n: diff.summary.removed, label: "removed" },
    { kind: "changed", n: diff.summary.changed, label: "changed" },
    { kind: "moved", n: diff.summary.moved, label: "moved" },
  ] as const;
  return (
    <ul aria-label="Summary of changes" className="flex flex-wrap gap-2 text-sm">
      {counts.map((c) => (
        <li
          key={c.kind}
          className={`rounded-lg border px-3 py-1.5 ${c.n ? (c.kind === "added" ? tone.added : c.kind === "removed" ? tone.removed : "border-slate-300 bg-white") : "border-slate-200 bg-slate-50 text-slate-500"}`}
        >
          <span className="font-semibold tabular-nums">{c.n}</span> {c.label}
        </li>
      ))}
    </ul>
  );
}

export function DiffView({ diff, before, after, layout, beforeLabel, afterLabel, serviceHref }: DiffViewProps) {
  const partyNames = new Map<string, string>([
    ...before.parties.map((p) => [p.key, p.name] as const),
    ...after.parties.map((p) => [p.key, p.name] as const),
  ]);
  const providerName = (after.parties.find((p) => p.role === "provider") ?? before.parties[0])?.name ?? "Provider";
  const ctx: Context = { layout, beforeLabel, afterLabel, partyNames, providerName };
  const addedServices = diff.services.added.flatMap((ref) => after.services[ref.position] ?? []);
  const removedServices = diff.services.removed.flatMap((ref) => before.services[ref.position] ?? []);
  const servicesChanged = hasChanges(diff.services);

  return (
    <div data-layout={layout}>
      <DiffSummary diff={diff} />
      {diff.isEmpty ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
          These versions have the same content: nothing a reader sees differs.
        </p>
      ) : null}
      {diff.provider.length ? (
        <Block id="diff-provider" title="Provider details">
          <div className="rounded-xl border border-slate-200 bg-white px-4 py-2 shadow-sm">
            <Fields fields={diff.provider} ctx={ctx} />
          </div>
        </Block>
      ) : null}

      {servicesChanged ? (
        <Block id="diff-services" title="Services">
          <ul className="space-y-3">
            <ServiceList services={addedServices} kind="added" />
            <ServiceList services={removedServices} kind="removed" />
            {diff.services.changed.map((change) => (
              <ServiceChangeView
                key={change.key}
                change={change}
                before={before}
                after={after}
                ctx={ctx}
                href={serviceHref?.(change.key)}
              />
            ))}
            <Moves moves={diff.services.moved} noun="services" />
          </ul>
        </Block>
      ) : null}

      {hasChanges(diff.crossCuttingAreas) ? (
        <Block id="diff-cross-cutting" title="Cross-cutting responsibilities">
          <AreasChanges
            diff={diff.crossCuttingAreas}
            before={before.crossCuttingAreas}
            after={after.crossCuttingAreas}
            ctx={ctx}
          />
        </Block>
      ) : null}

      {hasChanges(diff.parties) ? (
        <Block id="diff-parties" title="Parties">
          <CollectionChanges diff={diff.parties} noun="parties" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.sections) ? (
        <Block id="diff-sections" title="Sections">
          <CollectionChanges diff={diff.sections} noun="sections" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.contacts) ? (
        <Block id="diff-contacts" title="Contacts">
          <CollectionChanges diff={diff.contacts} noun="contacts" ctx={ctx} />
        </Block>
      ) : null}
      {hasChanges(diff.compliance) ? (
        <Block id="diff-compliance" title="Compliance">
          <CollectionChanges diff={diff.compliance} noun="compliance references" ctx={ctx} />
        </Block>
      ) : null}
    </div>
  );
}
