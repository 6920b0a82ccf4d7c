// How the organization hears of changes to its obligations: the in-app inbox always; the user's
// email choice (where email is set up); secret feed addresses; signed webhooks with their log.
import type { Metadata } from "next";
import { EmailChoiceForm } from "@/components/changes/email-choice-form";
import { CreateFeedForm } from "@/components/changes/feed-forms";
import { ButtonForm } from "@/components/forms/button-form";
import { revokeChangeFeedAction } from "@/lib/actions/notifications";
import { WebhookList } from "@/components/changes/webhook-list";
import { AddWebhookForm } from "@/components/changes/webhook-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { requireChangesMember } from "@/app/me/changes/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Change notifications",
  description: "Choose how you hear of changes to your organization's obligations: email, a feed or webhooks.",
};

export default async function NotificationsPage() {
  const actor = await requireChangesMember("/me/notifications", "manage:notifications:organization");
  const settings = await getNotificationSettings({ actor });
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Catalog" }, { href: "/me/changes", label: "Changes" }, { label: "Notifications" }]}
      />
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Change notifications</h1>
      <p className="mb-6 text-sm text-slate-600">
        Every change to {settings.organization.name}&apos;s obligations is in the Changes inbox. Here you choose where
        else it goes.
      </p>
      <div>
        <Section title="Email" id="email">
          <Card className="p-4">
            {settings.email ? (
              <EmailChoiceForm choice={settings.email.choice} address={settings.email.address} />
            ) : (
              <p className="text-sm text-slate-700">
                Email is not set up on this portal: use the inbox, a feed or a webhook.
              </p>
            )}
          </Card>
        </Section>
        <Section title="Feed" id="feed">
          <Card className="p-4">
            <p className="mb-3 text-sm text-slate-700">
              An Atom feed of your organization&apos;s changes at a secret address, for feed readers and chat tools.
            </p>
            {settings.feeds.length ? (
              <ul className="mb-4 space-y-2">
                {settings.feeds.map((feed, i) => (
                  <li
                    key={feed.id}
                    className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-800"
                  >
                    <span>
                      Address {i + 1}, created {formatDateTime(feed.createdAt)} by {feed.createdBy}
                    </span>
                    <ButtonForm
                      action={revokeChangeFeedAction}
                      fields={{ feed: feed.id }}
                      label="Revoke"
                      pendingLabel="Revoking…"
                      variant="danger"
                      ariaLabel={`Revoke feed address ${i + 1}`}
                    />
                  </li>
                ))}
              </ul>
            ) : null}
            <CreateFeedForm />
          </Card>
        </Section>
        <Section title="Webhooks" id="webhooks">
          <Card className="space-y-4 p-4">
            <p className="mb-3 text-sm text-slate-700">
              Each change is POSTed as JSON, signed with HMAC-SHA256 in the <code>Demarc-Signature</code> header (
              <code>t=</code>timestamp<code>,v1=</code>signature of <code>timestamp.body</code>); failed deliveries are
              retried with growing pauses.
            </p>
            <WebhookList webhooks={settings.webhooks} />
            <AddWebhookForm />
          </Card>
        </Section>
      </div>
    </>
  );
}
