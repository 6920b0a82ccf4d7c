import { createHash } from "node:crypto";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { cacheHeaders, isNotModified } from "@/lib/api/conditional";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { diffProviderDocuments } from "@/lib/model/diff";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/public-origin";
import { getPublishedProvider } from "@/lib/published/get-published-provider";
import { isPublished, publishedView } from "@/lib/published/published-cache";
import { entryContentHtml, nameUuidUrn, renderAtomFeed } from "@/lib/versions/atom-feed";
import { describeChanges, describeFirstVersion } from "@/lib/versions/change-summary";
import { compareHref, feedHref, versionHref } from "@/lib/versions/version-format";
import { getFeedVersions } from "@/lib/versions/version-history";

export const dynamic = "force-dynamic";

/** Entries in the feed: the newest versions (feed readers keep what they have already seen). */
const feedLimit = 50;

/**
 * A provider's changelog as an Atom 1.0 feed: one entry per published version, newest first, with
 * the changelog note and what changed since the version before. Like the pages: visible providers
 * only (session or API token; public providers need neither), unknown and hidden ones are the same
 * 404 problem; customers see only their subscribed services of a private provider.
 */
export async function GET(request: Request, context: { params: Promise<{ provider: string }> }): Promise<Response> {
  try {
    const actor = await getActor();
    const { provider: slug } = await context.params;
    const published = await getPublishedProvider({ actor, provider: slug });
    if (!published) throw new AppError("NOT_FOUND", `No provider "${slug}".`);
    const origin = publicOrigin(request, env.publicOrigin);
    // The feed holds absolute links: its tag names the origin they were built for too.
    const etag = published.view
      ? `${published.view.etag.slice(0, -1)}.feed.${createHash("sha256").update(origin).digest("hex").slice(0, 12)}"`
      : null;
    if (etag && isNotModified(request, etag))
      return new Response(null, { status: 304, headers: cacheHeaders(actor, etag) });
    const render = () => renderFeed({ actor, slug, origin });
    const body = isPublished(published) ? await publishedView(published, `feed:${origin}`, render) : await render();
    if (body === null) throw new AppError("NOT_FOUND", `No provider "${slug}".`);
    return new Response(body, {
      headers: {
        ...(etag ? cacheHeaders(actor, etag) : { "Cache-Control": "no-store" }),
        "Content-Type": "application/atom+xml; charset=utf-8",
      },
    });
  } catch (error) {
    const problem = errorToProblem(error);
    if (problem.status >= 500) console.error("Changelog feed failed", request.url, error);
    return problemResponse(problem);
  }
}

async function renderFeed(options: { actor: Actor; slug: string; origin: string }): Promise<string | null> {
  const { origin } = options;
  const data = await getFeedVersions({ actor: options.actor, provider: options.slug, limit: feedLimit });
  if (!data) return null;
  const { provider } = data.scope;
  return renderAtomFeed({
    id: nameUuidUrn(`demarc:provider:${provider.id}:changelog`),
    title: `${provider.name} — shared responsibility model changelog`,
    subtitle: `Published versions of the ${provider.name} shared responsibility model on Demarc.`,
    updated: data.entries[0]?.publishedAt ?? new Date(0),
    selfUrl: origin + feedHref(provider.slug),
    alternateUrl: `${origin}/providers/${encodeURIComponent(provider.slug)}/versions`,
    author: "Demarc",
    entries: data.entries.map((entry) => ({
      id: nameUuidUrn(`demarc:provider-version:${entry.id}`),
      title: `Version ${entry.number}`,
      updated: entry.publishedAt,
      link: origin + versionHref(provider.slug, entry.number),
      summary: entry.note,
      contentHtml: entryContentHtml({
        note: entry.note,
        changes: entry.previous
          ? describeChanges(diffProviderDocuments(entry.previous, entry.document), {
              parties: entry.document.parties,
            })
          : [describeFirstVersion(entry.document)],
        compareUrl:
          entry.previousNumber === null
            ? null
            : origin + compareHref(provider.slug, entry.previousNumber, entry.number),
      }),
    })),
  });
}
