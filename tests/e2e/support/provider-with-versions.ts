// A provider of a spec's own with two published versions, prepared through the draft services as
// an editor would leave it, so specs that read history depend on no other spec.
import { roleToDb, type Actor } from "@/lib/auth/permissions";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { makeArea, makeProviderDocument } from "../../factories/provider-document";
import { e2eDatabase } from "./e2e-database";

/**
 * A public provider of this spec's own with two versions: version 1 as written, version 2 published
 * through the draft services (as the editor would) with one area's assignment and duties changed.
 */
export async function providerWithTwoVersions() {
  const db = e2eDatabase();
  try {
    // An administrator publishes (a `system` actor does not pass can()'s ":own" check for drafts).
    const stamp = Date.now().toString(36);
    const user = await db.user.create({
      data: { email: `versions-admin-${stamp}@example.test`, name: "Versions Admin", role: roleToDb("admin") },
    });
    const operator: Actor = {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      role: "admin",
      organizationId: null,
      managedProviderIds: [],
    };
    const input = makeProviderDocument();
    input.services[0]!.areas.push(makeArea("Backups", { customer: ["Schedule backups", "Test restores"] }));
    const document = providerDocumentSchema.parse(input);
    await db.$transaction((tx) =>
      writePublishedProvider({ tx, actor: operator, document, note: "Initial transcription." }),
    );
    const slug = document.slug;
    const draft = await getDraft({ db, actor: operator, provider: slug });
    const area = draft.document.services[0]!.areas[1]!;
    await changeDraft({
      db,
      actor: operator,
      provider: slug,
      change: {
        op: "set",
        path: ["services", 0, "areas", 1],
        expected: area,
        value: {
          ...makeArea("Backups", {
            provider: ["Take nightly snapshots"],
            customer: ["Test restores", "Keep off-site copies"],
          }),
          key: area.key,
          parties: ["provider", "customer"],
        },
      },
    });
    await changeDraft({
      db,
      actor: operator,
      provider: slug,
      change: {
        op: "insert",
        path: ["services", 0, "areas", 2],
        value: makeArea("Monitoring", { provider: ["Watch dashboards"] }),
      },
    });
    const last = await changeDraft({
      db,
      actor: operator,
      provider: slug,
      change: {
        op: "insert",
        path: ["sections", 0],
        value: { slug: "support", title: "Support", body: "Open a ticket." },
      },
    });
    await publishDraft({
      db,
      actor: operator,
      provider: slug,
      note: "Backups are shared now <snapshots> & restores",
      draftVersion: last.version,
    });
    return { slug, name: document.name, service: document.services[0]!, publisher: user.email };
  } finally {
    await db.$disconnect();
  }
}
