import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { cache } from "react";
import { IssueTokenForm, RevokeTokenForm } from "@/components/admin/api-token-forms";
import { ManagedProvidersForm } from "@/components/admin/managed-providers-form";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { UserActiveForm } from "@/components/admin/user-active-form";
import { UserDetailsForm } from "@/components/admin/user-details-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { getActor } from "@/lib/auth/current-actor";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { getUser } from "@/lib/users/get-user";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ user: string }> };

// Shared by generateMetadata and the page within one request.
const loadUser = cache(async (userId: string) => {
  const actor = await getActor();
  return can(actor, "manage:users") ? getUser({ actor, userId }) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await loadUser((await params).user);
  if (!user) return { title: "Not found" };
  return {
    title: user.name,
    description: `The account of ${user.name}: role, organization, status, password and API tokens.`,
  };
}

export default async function UserPage({ params }: Props) {
  const userId = (await params).user;
  const actor = await requirePagePermission("manage:users", `/admin/users/${userId}`);
  const user = await loadUser(userId);
  if (!user) notFound();
  const mayManageTokens = can(actor, "manage:tokens");
  const [organizations, tokens] = await Promise.all([
    listOrganizations({ actor }),
    mayManageTokens ? listApiTokens({ actor, userId: user.id }) : Promise.resolve([]),
  ]);
  const isSelf = actor.id === user.id;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/users", label: "Users" },
          { label: user.name },
        ]}
      />
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{user.name}</h1>
          {user.active ? null : (
            <span className="rounded bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-700">Deactivated</span>
          )}
          {isSelf ? (
            <span className="rounded bg-blue-50 px-2 py-0.5 text-sm font-medium text-blue-800">You</span>
          ) : null}
        </div>
        <p className="mt-1 text-slate-600">{user.email}</p>
      </header>

      <Card className="mt-6 max-w-3xl p-5">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Fact term="Role">{roleLabels[user.role]}</Fact>
          <Fact term="Organization">
            {user.organization ? (
              <Link className="text-blue-700 hover:underline" href={`/admin/organizations/${user.organization.slug}`}>
                {user.organization.name}
              </Link>
            ) : (
              "None"
            )}
          </Fact>
          {user.role === "account-manager" ? (
            <Fact term="Assigned providers">
              {user.managedProviders.length ? user.managedProviders.map((p) => p.name).join(", ") : "None yet"}
            </Fact>
          ) : null}
          <Fact term="Status">
            {user.active
              ? "Active"
              : `Deactivated${user.deactivatedAt ? ` ${formatDateTime(user.deactivatedAt)}` : ""}`}
          </Fact>
          <Fact term="Password">{user.hasPassword ? "Set" : "None (SSO only)"}</Fact>
          <Fact term="Created">{formatDateTime(user.createdAt)}</Fact>
          <Fact term="Last changed">{formatDateTime(user.updatedAt)}</Fact>
        </dl>
      </Card>

      {/* Form-only sections are left out of printouts; the summary above covers them. */}
      <div className="no-print">
        <Section
          id="details"
          title="Details"
          description="The email address is the sign-in name and cannot be changed."
        >
          <Card className="max-w-3xl p-6">
            <UserDetailsForm
              user={{
                id: user.id,
                name: user.name,
                role: user.role,
                organizationId: user.organization?.id ?? null,
                version: user.version,
              }}
              organizations={organizations.map((o) => ({ id: o.id, name: o.name }))}
              isSelf={isSelf}
            />
          </Card>
        </Section>

        {user.role === "account-manager" ? (
          <Section
            id="providers"
            title="Provider assignments"
            description="An account manager edits these providers and manages organizations' subscriptions to their services."
          >
            <Card className="max-w-3xl p-6">
              <ManagedProvidersForm
                userId={user.id}
                version={user.version}
                providers={user.providerChoices}
                managedProviderIds={user.managedProviders.map((p) => p.id)}
              />
            </Card>
          </Section>
        ) : null}

        <Section id="password" title="Password">
          <Card className="max-w-3xl p-6">
            <SetPasswordForm userId={user.id} version={user.version} isSelf={isSelf} />
          </Card>
        </Section>
      </div>

      {mayManageTokens ? (
        <Section
          id="tokens"
          title="API tokens"
          description="Personal tokens act as this user in the API (Authorization: Bearer …). They stop working when revoked or when the account is deactivated."
        >
          <div className="no-print mb-4 max-w-3xl">
            <IssueTokenForm
              userId={user.id}
              disabledReason={user.active ? undefined : "Reactivate the account to issue tokens."}
            />
          </div>
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">No tokens have been issued for this account.</p>
          ) : (
            <Table cards caption={`API tokens of ${user.name}`}>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Prefix</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((t) => (
                  <TableRow key={t.id} className="even:bg-slate-50/70">
                    <TableRowHeader>{t.name}</TableRowHeader>
                    <TableCell label="Prefix">
                      <code className="rounded bg-slate-100 px-1 text-xs">{t.prefix}…</code>
                    </TableCell>
                    <TableCell label="Created" className="text-slate-700">
                      <time dateTime={t.createdAt.toISOString()}>{formatDateTime(t.createdAt)}</time>
                      {t.createdBy ? <div className="text-xs text-slate-500">by {t.createdBy.name}</div> : null}
                    </TableCell>
                    <TableCell label="Last used" className="text-slate-700">
                      {t.lastUsedAt ? (
                        <time dateTime={t.lastUsedAt.toISOString()}>{formatDateTime(t.lastUsedAt)}</time>
                      ) : (
                        "Never"
                      )}
                    </TableCell>
                    <TableCell label="Status">
                      <RevokeTokenForm
                        userId={user.id}
                        tokenId={t.id}
                        tokenName={t.name}
                        revoked={t.revokedAt ? formatDateTime(t.revokedAt) : undefined}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      ) : null}

      <div className="no-print">
        <Section id="status" title="Account status">
          <div className="max-w-3xl">
            <UserActiveForm
              userId={user.id}
              version={user.version}
              active={user.active}
              isSelf={isSelf}
              name={user.name}
            />
          </div>
        </Section>
      </div>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
