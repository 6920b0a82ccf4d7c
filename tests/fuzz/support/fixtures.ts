// The accounts, provider and files the fuzz properties aim at, made once per run: real values let
// generated input get past the first check (a known provider, a signed-in editor, a valid file) so
// the hostile part reaches the parsers behind it.
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db";
import { actorFromApiToken } from "@/lib/auth/sessions";
import { issueApiToken } from "@/lib/tokens/issue-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { makeOrganization, makeUser, type UserActor } from "../../factories/accounts";
import { makeProviderDocument } from "../../factories/provider-document";
import { createProvider } from "../../support/app-db";

export interface FuzzFixtures {
  provider: { id: string; slug: string; service: string; serviceId: string; contentHash: string };
  /** Slugs of the seeded, published providers. */
  seededSlugs: string[];
  /** A service of a seeded provider (one the fixture's manager does not manage). */
  seededServiceId: string;
  admin: UserActor;
  manager: UserActor;
  auditor: UserActor;
  customer: UserActor;
  organizationId: string;
  tokens: { valid: string; revoked: string };
  files: { csv: string; markdown: string; xlsx: Uint8Array; providerJson: string };
}

let made: Promise<FuzzFixtures> | null = null;

/** Made on first use and shared by every property of the run. */
export function fuzzFixtures(): Promise<FuzzFixtures> {
  made ??= make();
  return made;
}

async function make(): Promise<FuzzFixtures> {
  const db = getDb();
  const document = makeProviderDocument();
  document.parties = [
    { key: "provider", name: "Cloudy", role: "provider" },
    { key: "customer", name: "Customer", role: "customer" },
    { key: "hyperscaler", name: "Hyperscaler", role: "third-party" },
  ];
  const created = await createProvider(document);
  const service = document.services[0]!.slug;
  const serviceId = (await db.service.findFirstOrThrow({ where: { providerId: created.id, slug: service } })).id;
  const organization = await makeOrganization({ serviceIds: [serviceId] });
  const admin = (await makeUser({ role: "admin" })).actor;
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  const auditor = (await makeUser({ role: "auditor" })).actor;
  const customer = (await makeUser({ role: "customer", organizationId: organization.id })).actor;

  const valid = (await issueApiToken({ db, actor: admin, userId: auditor.id, name: "fuzz" })).token;
  const revokedToken = await issueApiToken({ db, actor: admin, userId: auditor.id, name: "fuzz revoked" });
  await revokeApiToken({ db, actor: admin, tokenId: revokedToken.id });
  // The first use records lastUsedAt; later uses within minutes write nothing (the fingerprint stays put).
  await actorFromApiToken({ db, token: valid });

  const seeded = await db.provider.findMany({
    where: { publishedAt: { not: null }, id: { not: created.id } },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  const seededService = await db.service.findFirstOrThrow({
    where: { provider: { slug: { in: seeded.map((p) => p.slug) } } },
    select: { id: true },
  });
  return {
    seededServiceId: seededService.id,
    provider: {
      id: created.id,
      slug: document.slug,
      service,
      serviceId,
      contentHash: created.contentHash,
    },
    seededSlugs: seeded.map((p) => p.slug),
    admin,
    manager,
    auditor,
    customer,
    organizationId: organization.id,
    tokens: { valid, revoked: revokedToken.token },
    files: {
      csv: "Responsibility,Cloudy,Customer,Hyperscaler\nHardware,Replace disks,N/A,Power\nData,,Classify data,\n",
      markdown:
        "## Build\n\n| Activity | Customer | Cloudy | Hyperscaler |\n| --- | --- | --- | --- |\n| Network setup | C | A/R | R |\n",
      xlsx: await workbook([
        ["Responsibility", "Cloudy", "Customer"],
        ["Hardware", "Replace failed disks", "N/A"],
        ["Data", "", "Classify data\nBack up data"],
      ]),
      providerJson: JSON.stringify(created.document),
    },
  };
}

/** An XLSX workbook with one sheet holding `rows`. */
export async function workbook(rows: unknown[][], sheetName = "Matrix"): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(sheetName).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
