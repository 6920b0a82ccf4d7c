import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { canViewOrganizations } from "@/lib/organizations/access";

export const metadata: Metadata = {
  title: { default: "Administration", template: "%s · Administration · Demarc" },
};

// Each page checks its own permission (sign-in redirect or 404); the layout only decides which
// sections the sub-navigation offers.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const items = [
    ...(can(actor, "manage:users") ? [{ href: "/admin/users", label: "Users" }] : []),
    ...(canViewOrganizations(actor) ? [{ href: "/admin/organizations", label: "Organizations" }] : []),
    ...(can(actor, "manage:users") ? [{ href: "/admin/deliveries", label: "Deliveries" }] : []),
    ...(can(actor, "create:provider") ? [{ href: "/providers/new", label: "New provider" }] : []),
  ];
  return (
    <>
      {items.length > 0 ? <AdminNav items={items} /> : null}
      {children}
    </>
  );
}
