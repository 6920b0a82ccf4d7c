// Reading the audit log: filters (validated once, with a message per field), keyset pagination
// newest first, and the full filtered list for the CSV export. Needs read:audit.
import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { describeAuditEntry, type AuditNames, type SummaryPart } from "./describe-audit-entry";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatCount } from "@/lib/format";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;
/** The most rows one CSV export may hold; larger exports are refused (narrow the filters). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** The filters as they arrive from a URL or form: strings, blank meaning "not set". */
export interface AuditFilterInput {
  provider?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: string;
}

export const auditFilterKeys = ["provider", "actor", "action", "from", "to", "cursor", "limit"] as const;

/** Trimmed text, or undefined when missing or blank (an empty form field means "no filter"). */
const blankable = z
  .string("Must be text")
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });

/**
 * A date (`YYYY-MM-DD`, a whole UTC day) or an ISO 8601 date-time (UTC unless it has an offset).
 * `end` turns a date into the start of the next day, a date-time into the next millisecond, so
 * the bound is exclusive and "to 2025-03-01" includes all of that day.
 */
function parseBound(value: string, end: boolean): Date | null {
  if (isoDate.safeParse(value).success) {
    const start = new Date(`${value}T00:00:00Z`);
    return end ? new Date(start.getTime() + 24 * 60 * 60 * 1000) : start;
  }
  if (!isoDateTime.safeParse(value).success) return null;
  // Without an offset JavaScript would read the time as the server's local time: make it UTC.
  const parsed = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
  if (Number.isNaN(parsed.getTime())) return null;
  return end ? new Date(parsed.getTime() + 1) : parsed;
}

const dateMessage = "Enter a date as YYYY-MM-DD or an ISO 8601 date-time such as 2025-03-01T14:30:00Z";

const bound = (end: boolean) =>
  blankable.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const parsed = value.length <= 40 ? parseBound(value, end) : null;
    if (!parsed) {
      ctx.issues.push({ code: "custom", message: dateMessage, input: value });
      return z.NEVER;
    }
    return parsed;
  });

const filterShape = {
  provider: blankable.pipe(
    z
      .string()
      .max(100, "A provider slug has at most 100 characters")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Choose a provider from the list")
      .optional(),
  ),
  actor: blankable.pipe(z.string().max(200, "Enter at most 200 characters").optional()),
  action: blankable.pipe(
    z
      .string()
      .max(100, "An action has at most 100 characters")
      .regex(
        /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/,
        "Enter an action such as user.create, or a prefix ending in a dot such as user.",
      )
      .optional(),
  ),
  from: bound(false),
  /** Inclusive for the user; parsed to an exclusive upper bound. */
  to: bound(true),
};

const checkRange = (value: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.to <= value.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end must be on or after the start" });
};

const staleCursor = "This page link is not valid — start again from the newest entries";

/** Everything the audit page accepts (the CSV export takes the same minus cursor and limit). */
export const auditFiltersSchema = z
  .object({
    ...filterShape,
    cursor: blankable.pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,18}$/, staleCursor)
        .transform((value) => BigInt(value))
        .refine((value) => value <= 9_223_372_036_854_775_807n, staleCursor)
        .optional(),
    ),
    limit: z
      .union([z.string(), z.number()], "Must be a number")
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || (typeof value === "string" && value.trim() === "")) return AUDIT_PAGE_SIZE;
        const n = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > AUDIT_MAX_PAGE_SIZE) {
          ctx.issues.push({
            code: "custom",
            message: `Show between 1 and ${AUDIT_MAX_PAGE_SIZE} entries per page`,
            input: value,
          });
          return z.NEVER;
        }
        return n;
      }),
  })
  .superRefine(checkRange);

export const auditExportFiltersSchema = z.object(filterShape).superRefine(checkRange);

type ExportFilters = z.output<typeof auditExportFiltersSchema>;

/** The filter values of a URL's query (the first of repeated parameters; unknown ones dropped). */
export function auditFiltersFromSearchParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): AuditFilterInput {
  const input: AuditFilterInput = {};
  for (const key of auditFilterKeys) {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") input[key] = first;
  }
  return input;
}

export interface AuditEntryItem {
  /** The BigInt id as a decimal string. */
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  actorId: string | null;
  /** The email at the time, "anonymous" or "system:<command>". */
  actorLabel: string;
  /** The acting account's name now; null for anonymous, system and deleted accounts. */
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  providerId: string | null;
  /** The provider as it is now; null if the entry has none or the provider has been deleted. */
  provider: { slug: string; name: string } | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  /** The entry in words, with links (lib/audit/describe-audit-entry.ts). */
  summary: SummaryPart[];
}

export interface AuditFilterOptions {
  /** Every provider (A–Z by name), for the provider filter. */
  providers: { slug: string; name: string }[];
  /** Every action that occurs in the log (A–Z), for the action filter. */
  actions: string[];
}

export interface AuditPage extends AuditFilterOptions {
  entries: AuditEntryItem[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** How many entries match the filters (all pages). */
  total: number;
}

/** LIKE patterns: Prisma does not escape the wildcards of `contains` and `startsWith`. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

async function whereFor(db: Database, filters: ExportFilters): Promise<Prisma.AuditEntryWhereInput> {
  const where: Prisma.AuditEntryWhereInput = {};
  if (filters.provider) {
    const provider = await db.provider.findUnique({ where: { slug: filters.provider }, select: { id: true } });
    if (!provider)
      throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
        fieldErrors: [{ path: "provider", message: "There is no provider with this slug" }],
      });
    where.providerId = provider.id;
  }
  if (filters.actor) where.actorLabel = { contains: escapeLike(filters.actor), mode: "insensitive" };
  if (filters.action)
    where.action = filters.action.endsWith(".") ? { startsWith: escapeLike(filters.action) } : filters.action;
  if (filters.from || filters.to) where.at = { gte: filters.from, lt: filters.to };
  return where;
}

const entrySelect = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  providerId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEntrySelect;

type EntryRow = Prisma.AuditEntryGetPayload<{ select: typeof entrySelect }>;

const ids = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
const field = (value: Prisma.JsonValue | null, key: string): unknown =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;
const fieldList = (value: Prisma.JsonValue | null, key: string): unknown[] => {
  const list = field(value, key);
  return Array.isArray(list) ? list : [];
};

/**
 * The names the page's entries mention, as they are now: accounts, organizations, providers (only
 * those the reader may see), their published services and parties. Looked up per page, in a fixed
 * number of queries. Draft edits carry their own place names (recorded with the change).
 */
async function namesFor(db: Database, actor: Actor, rows: EntryRow[]): Promise<AuditNames> {
  const values = rows.flatMap((r) => [r.before, r.after]);
  const userIds = ids([
    ...rows.map((r) => r.actorId),
    ...rows.map((r) => (r.targetType === "user" ? r.targetId : null)),
    ...values.map((v) => field(v, "userId")),
  ]);
  const organizationIds = ids([
    ...values.map((v) => field(v, "organizationId")),
    ...rows.map((r) => (r.targetType === "organization" ? r.targetId : null)),
  ]);
  const organizationSlugs = ids(values.map((v) => field(v, "organization")));
  const providerIds = ids([
    ...rows.map((r) => r.providerId),
    ...values.flatMap((v) => fieldList(v, "managedProviderIds")),
  ]);
  const [users, organizations, organizationsBySlug, providers] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
      : [],
    organizationIds.length
      ? db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } })
      : [],
    organizationSlugs.length
      ? db.organization.findMany({ where: { slug: { in: organizationSlugs } }, select: { slug: true, name: true } })
      : [],
    providerIds.length
      ? db.provider.findMany({
          where: { AND: [{ id: { in: providerIds } }, visibleProviderWhere(actor)] },
          select: {
            id: true,
            slug: true,
            name: true,
            services: { where: visibleServiceWhere(actor), select: { id: true, slug: true, name: true } },
            parties: { select: { key: true, name: true } },
          },
        })
      : [],
  ]);
  return {
    users: new Map(users.map((u) => [u.id, { name: u.name, email: u.email }])),
    organizations: new Map(organizations.map((o) => [o.id, { name: o.name }])),
    organizationSlugs: new Map(organizationsBySlug.map((o) => [o.slug, { name: o.name }])),
    providers: new Map(providers.map((p) => [p.id, { slug: p.slug, name: p.name }])),
    services: new Map(
      providers.flatMap((p) =>
        p.services.map((s) => [s.id, { slug: s.slug, name: s.name, providerId: p.id }] as const),
      ),
    ),
    parties: new Map(providers.map((p) => [p.id, new Map(p.parties.map((party) => [party.key, party.name]))])),
    linkUsers: can(actor, "manage:users"),
    linkSystems: can(actor, "read:systems:any"),
  };
}

/** The entries with their providers resolved (deleted or hidden providers resolve to null) and in words. */
async function toItems(db: Database, actor: Actor, rows: EntryRow[]): Promise<AuditEntryItem[]> {
  const names = await namesFor(db, actor, rows);
  return rows.map((r) => {
    const entry = {
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      actorName: (r.actorId && names.users.get(r.actorId)?.name) || null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      providerId: r.providerId,
      provider: (r.providerId && names.providers.get(r.providerId)) || null,
      before: r.before,
      after: r.after,
    };
    return { ...entry, summary: describeAuditEntry(entry, names) };
  });
}

/** The choices for the provider and action filters (needs read:audit). */
export async function listAuditFilterOptions(options: { db?: Database; actor: Actor }): Promise<AuditFilterOptions> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "read:audit");
  const [providers, actions] = await Promise.all([
    db.provider.findMany({ orderBy: [{ name: "asc" }, { slug: "asc" }], select: { slug: true, name: true } }),
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { providers, actions: actions.map((a) => a.action) };
}

/**
 * One page of the audit log, newest first (by id), with the filter choices. Invalid filters are
 * an INVALID_INPUT error with one message per field (provider, actor, action, from, to, cursor, limit).
 */
export async function listAuditEntries(options: {
  db?: Database;
  actor: Actor;
  filters: AuditFilterInput | Record<string, unknown>;
}): Promise<AuditPage> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "read:audit");
  const filters = parseInput(auditFiltersSchema, options.filters);
  const where = await whereFor(db, filters);
  const [rows, total, choices] = await Promise.all([
    db.auditEntry.findMany({
      where: filters.cursor ? { AND: [where, { id: { lt: filters.cursor } }] } : where,
      orderBy: { id: "desc" },
      take: filters.limit + 1,
      select: entrySelect,
    }),
    db.auditEntry.count({ where }),
    listAuditFilterOptions(options),
  ]);
  const page = rows.slice(0, filters.limit);
  return {
    entries: await toItems(db, options.actor, page),
    nextCursor: rows.length > filters.limit ? (page.at(-1)?.id.toString() ?? null) : null,
    total,
    ...choices,
  };
}

/**
 * Every entry matching the filters, newest first, for the CSV export (cursor and limit are
 * ignored). More than `max` matching entries is an INVALID_INPUT error: narrow the filters.
 */
export async function listAllAuditEntries(options: {
  db?: Database;
  actor: Actor;
  filters: AuditFilterInput | Record<string, unknown>;
  max?: number;
}): Promise<AuditEntryItem[]> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "read:audit");
  const max = options.max ?? AUDIT_EXPORT_MAX_ROWS;
  const filters = parseInput(auditExportFiltersSchema, options.filters);
  const where = await whereFor(db, filters);
  const total = await db.auditEntry.count({ where });
  if (total > max)
    throw new AppError(
      "INVALID_INPUT",
      `${formatCount(total)} entries match, more than the ${formatCount(max)} one export may ` +
        "hold. Narrow the filters, for example to a shorter time range.",
    );
  // Keyset batches keep each query small; entries added meanwhile are newer than the first batch.
  const batchSize = 1000;
  const items: AuditEntryItem[] = [];
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEntry.findMany({
      where: cursor === undefined ? where : { AND: [where, { id: { lt: cursor } }] },
      orderBy: { id: "desc" },
      take: Math.min(batchSize, max - items.length),
      select: entrySelect,
    });
    items.push(...(await toItems(db, options.actor, rows)));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize || items.length >= max) break;
    cursor = last.id;
  }
  return items;
}
