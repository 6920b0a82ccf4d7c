import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { getActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { describeImpactItem, escapeHtml, impactUrls } from "@/lib/notifications/impact-message";
import { tierLabel } from "@/lib/notifications/impact-document";
import { readChangeFeed } from "@/lib/notifications/read-change-feed";
import { changeFeedPath } from "@/lib/notifications/change-feed-token";
import { publicOrigin } from "@/lib/public-origin";
import { nameUuidUrn, renderAtomFeed } from "@/lib/versions/atom-feed";

export const dynamic = "force-dynamic";

/**
 * An organization's changes as an Atom 1.0 feed at a secret address (no session: feed readers and
 * chat tools hold none): one entry per impact, newest first, listing the changed rows in words.
 * A revoked or unknown address is a 404 problem; nothing is cached, so revoking takes effect at once.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    // Needs no session, but a bearer token sent along is checked like everywhere (a revoked one is a 401).
    await getActor();
    const { token } = await context.params;
    const feed = await readChangeFeed({ token });
    const origin = publicOrigin(request, env.publicOrigin);
    const body = renderAtomFeed({
      id: nameUuidUrn(`demarc:change-feed:${feed.feedId}`),
      title: `Changes to ${feed.organization.name}'s obligations`,
      subtitle: `What each new provider version changed for ${feed.organization.name}, on Demarc.`,
      updated: feed.impacts[0]?.createdAt ?? new Date(0),
      selfUrl: origin + changeFeedPath(token),
      alternateUrl: `${origin}/me/changes`,
      author: "Demarc",
      entries: feed.impacts.map((impact) => {
        const { url, diffUrl } = impactUrls({ impact, provider: impact.provider, origin });
        const rows = impact.systems.map(
          (system) =>
            `<p>${escapeHtml(system.name)}:</p><ul>${system.items
              .map((item) => `<li>${escapeHtml(describeImpactItem(item, (tier) => tierLabel(system, tier)))}</li>`)
              .join("")}</ul>`,
        );
        return {
          id: nameUuidUrn(`demarc:change-impact:${impact.id}`),
          title: `${impact.provider.name} version ${impact.toVersion}: ${impact.actionRequired} need action, ${impact.informational} informational`,
          updated: impact.createdAt,
          link: url,
          summary: `${impact.provider.name} version ${impact.fromVersion} → ${impact.toVersion} changed ${
            impact.actionRequired + impact.informational
          } rows of ${feed.organization.name}'s obligations.`,
          contentHtml: `${rows.join("")}<p><a href="${escapeHtml(diffUrl)}">Everything that changed</a></p>`,
        };
      }),
    });
    return new Response(body, {
      headers: { "Cache-Control": "no-store", "Content-Type": "application/atom+xml; charset=utf-8" },
    });
  } catch (error) {
    const problem = errorToProblem(error);
    if (problem.status >= 500) console.error("Change feed failed", error);
    return problemResponse(problem);
  }
}
