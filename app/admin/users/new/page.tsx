import type { Metadata } from "next";
import { NewUserForm } from "@/components/admin/new-user-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listOrganizations } from "@/lib/organizations/list-organizations";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "New user",
  description: "Create an account: name, email, role, organization and the providers it manages.",
};

export default async function NewUserPage() {
  const actor = await requirePagePermission("manage:users", "/admin/users/new");
  const organizations = await listOrganizations({ actor });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/users", label: "Users" },
          { label: "New user" },
        ]}
      />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">New user</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Create an account. Account managers get their providers on the next page; API tokens are issued there too.
      </p>
      <Card className="mt-6 max-w-3xl p-6">
        <NewUserForm organizations={organizations.map((o) => ({ id: o.id, name: o.name }))} />
      </Card>
    </>
  );
}
