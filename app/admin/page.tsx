import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/require-page-permission";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { absolute: "Administration · Demarc" },
  description: "Administration: user accounts, organizations and their subscriptions to providers' services.",
};

/** Sends administrators to Users and account managers to Organizations; others get a 404. */
export default async function AdminPage() {
  const actor = await requirePagePermission(["manage:users", "manage:subscriptions:own"], "/admin");
  redirect(can(actor, "manage:users") ? "/admin/users" : "/admin/organizations");
}
