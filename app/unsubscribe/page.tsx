// Where a change email's unsubscribe link leads: one button stops change emails for the account the
// link was made for, without signing in.
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/forms/button-form";
import { unsubscribeAction } from "@/lib/actions/notifications";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Unsubscribe from change emails",
  description: "Stop the emails that tell you of changes to your organization's obligations.",
};

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <Card className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold text-slate-900">Unsubscribe from change emails</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="mb-4 mt-2 text-sm text-slate-700">
            You will still see every change in the Changes inbox, and can choose emails again under{" "}
            <Link href="/me/notifications" className="font-medium text-blue-700 hover:underline">
              Change notifications
            </Link>
            .
          </p>
          {/* A button, so that link checkers and previews opening the address change nothing. */}
          <ButtonForm
            action={unsubscribeAction}
            fields={{ token }}
            label="Stop change emails"
            pendingLabel="Unsubscribing…"
          />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          This address has no unsubscribe token: open the link from the email again, or change your email settings under{" "}
          <Link href="/me/notifications" className="font-medium text-blue-700 hover:underline">
            Change notifications
          </Link>
          .
        </p>
      )}
    </Card>
  );
}
