// The outbox worker delivers what publishing recorded: signed webhooks to a real HTTP receiver and
// emails to a real SMTP server, both started here; each row once even with two workers at a time;
// a failing endpoint retried with backoff, then failed, visible to admins and retried by them; the
// unsubscribe link and the daily digest.
//
// Other test files share this database and leave outbox rows due at the real time. Each test here
// moves its own rows to a date long past and runs the worker "then", so it sees only its own rows.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as unsubscribeRoute } from "@/app/api/v1/email/unsubscribe/route";
import { getDb } from "@/lib/db";
import {
  deliverDueNotifications,
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
} from "@/lib/notifications/deliver-notifications";
import type { WebhookPayload } from "@/lib/notifications/impact-message";
import { listDeliveries } from "@/lib/notifications/list-deliveries";
import { retryDelivery } from "@/lib/notifications/retry-delivery";
import { sendDailyDigests } from "@/lib/notifications/send-daily-digests";
import type { EmailSettings } from "@/lib/notifications/send-email";
import { unsubscribe } from "@/lib/notifications/unsubscribe";
import { newWebhookSecret, verifyWebhookSignature } from "@/lib/notifications/webhook-signature";
import { makeUser } from "../factories/accounts";
import { makeArea } from "../factories/provider-document";
import { subscribedProvider } from "../support/subscribed-provider";
import { publishAs } from "../support/publish-as";
import { systemActor } from "../support/published-seed";

const db = () => getDb();
const origin = "https://demarc.example.test";

/** Each test's own moment long past (1999, 1998, …): rows due then are that test's alone. */
let year = 2000;
const pastEpoch = () => new Date(Date.UTC(--year, 0, 1));
const after = (epoch: Date, ms: number) => new Date(epoch.getTime() + ms);

// --- a webhook receiver that checks every signature -------------------------------------------------

interface Received {
  path: string;
  deliveryId: string;
  userAgent: string;
  valid: boolean;
  payload: WebhookPayload;
}

const receiver = {
  server: http.createServer(),
  port: 0,
  received: [] as Received[],
  secrets: new Map<string, string>(),
  failing: new Set<string>(),
};
receiver.server.on("request", (request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const path = request.url ?? "";
    const valid = verifyWebhookSignature({
      secret: receiver.secrets.get(path) ?? "",
      header: request.headers["demarc-signature"] as string | undefined,
      body,
    });
    receiver.received.push({
      path,
      deliveryId: String(request.headers["demarc-delivery"]),
      userAgent: String(request.headers["user-agent"]),
      valid,
      payload: JSON.parse(body) as WebhookPayload,
    });
    response.writeHead(receiver.failing.has(path) ? 500 : valid ? 204 : 401).end();
  });
});
const hits = (path: string) => receiver.received.filter((r) => r.path === path);

// --- an SMTP server that keeps what it receives -------------------------------------------------

interface Mail {
  to: string[];
  headers: string;
  body: string;
}
const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const split = raw.indexOf("\r\n\r\n");
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address).sort(),
        headers: raw.slice(0, split).replace(/\r\n[ \t]+/g, " "),
        body: decodeQuotedPrintable(raw.slice(split + 4)),
      });
      callback();
    });
  },
});
let email: EmailSettings;

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r\n/g, "")
    .replace(/(?:=[0-9A-F]{2})+/g, (bytes) => Buffer.from(bytes.replace(/=/g, ""), "hex").toString("utf8"));
}
const header = (mail: Mail, name: string) =>
  new RegExp(`^${name}: (.*)$`, "im").exec(mail.headers)?.[1]?.trim() ?? null;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.port = (receiver.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  email = { url: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`, from: "Demarc <demarc@example.test>" };
});

afterAll(async () => {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

// --- data ---------------------------------------------------------------------------------------

async function addEndpoint(organizationId: string, path: string) {
  const secret = newWebhookSecret();
  receiver.secrets.set(path, secret);
  return db().webhookEndpoint.create({
    data: { organizationId, url: `http://127.0.0.1:${receiver.port}${path}`, secret, createdBy: "test" },
  });
}

/** Publishes a new wording of the customer's Access duty; its outbox rows come due at `epoch`. */
async function publishChange(setup: Awaited<ReturnType<typeof subscribedProvider>>, wording: string, epoch: Date) {
  const next = structuredClone(setup.input);
  next.services[0]!.areas[1] = makeArea("Access", { customer: [wording] });
  setup.input = next;
  const version = await publishAs({ actor: systemActor, providerId: setup.provider.id, document: next });
  await db().notificationDelivery.updateMany({
    where: { impact: { providerId: setup.provider.id, toVersion: version.number } },
    data: { nextAttemptAt: epoch },
  });
  return version;
}

// --- tests --------------------------------------------------------------------------------------

describe("webhook delivery", () => {
  test("two workers at once deliver every row exactly once, signed and verifiable", async () => {
    const epoch = pastEpoch();
    const setup = await subscribedProvider(3);
    const paths = setup.orgs.map((_, i) => `/parallel-${year}-${i}`);
    await Promise.all(setup.orgs.map((org, i) => addEndpoint(org.id, paths[i]!)));
    await addEndpoint(setup.orgs[0]!.id, `/parallel-${year}-extra`);
    paths.push(`/parallel-${year}-extra`);
    await publishChange(setup, "Review access monthly", epoch);
    const rows = await db().notificationDelivery.findMany({ where: { impact: { providerId: setup.provider.id } } });
    expect(rows.map((r) => r.channel)).toEqual(["webhook", "webhook", "webhook"]);

    // Each worker takes one row at a time until none is due, so they compete for every row.
    const drain = async () => {
      let sent = 0;
      for (;;) {
        const counts = await deliverDueNotifications({ email: null, origin, limit: 1, now: after(epoch, 1000) });
        if (!counts.sent && !counts.retrying && !counts.failed) return sent;
        sent += counts.sent;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a + b).toBe(3);

    const got = receiver.received.filter((r) => paths.includes(r.path));
    expect(got).toHaveLength(4);
    expect(new Set(got.map((r) => `${r.deliveryId} ${r.path}`)).size).toBe(4);
    expect(got.every((r) => r.valid && r.userAgent === "Demarc-Webhooks")).toBe(true);
    const payload = hits(paths[1]!)[0]!.payload;
    expect(payload).toMatchObject({
      type: "obligations.changed",
      organization: { slug: setup.orgs[1]!.slug },
      provider: { slug: setup.input.slug },
      fromVersion: 1,
      toVersion: 2,
      counts: { actionRequired: 0, informational: 1 },
      diffUrl: `${origin}/providers/${setup.input.slug}/versions/compare?from=1&to=2`,
    });
    expect(payload.items[0]).toMatchObject({
      kind: "text-changed",
      tierName: setup.input.services[0]!.name,
      before: { duty: { text: "Review access quarterly" } },
      after: { duty: { text: "Review access monthly" } },
    });

    const finished = await db().notificationDelivery.findMany({ where: { impact: { providerId: setup.provider.id } } });
    expect(finished.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["sent", 1, null],
      ["sent", 1, null],
      ["sent", 1, null],
    ]);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: { in: rows.map((r) => r.id) } } })).toBe(4);
  });

  test("a failing endpoint is retried with backoff, then failed with its error; an admin re-queues it", async () => {
    const epoch = pastEpoch();
    const setup = await subscribedProvider();
    const org = setup.orgs[0]!;
    const [ok, failing] = [`/ok-${year}`, `/fail-${year}`];
    await addEndpoint(org.id, ok);
    await addEndpoint(org.id, failing);
    receiver.failing.add(failing);
    await publishChange(setup, "Review access monthly", epoch);
    const row = await db().notificationDelivery.findFirstOrThrow({ where: { impact: { organizationId: org.id } } });

    let now = after(epoch, 1000);
    expect(await deliverDueNotifications({ email: null, origin, now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let state = await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("HTTP 500") });
    expect(state.nextAttemptAt).toEqual(after(now, retryDelayMs(1)));
    // Not due yet a minute later.
    expect(await deliverDueNotifications({ email: null, origin, now: after(now, 60_000) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      now = state.nextAttemptAt;
      const counts = await deliverDueNotifications({ email: null, origin, now });
      expect(counts).toEqual(
        attempt < MAX_DELIVERY_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 },
      );
      state = await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
      expect(state.attempts).toBe(attempt);
    }
    expect(state).toMatchObject({ status: "failed", lastError: `webhook http://127.0.0.1:${receiver.port}: HTTP 500` });
    // The endpoint that answered was served once; the failing one was tried every time.
    expect(hits(ok)).toHaveLength(1);
    expect(hits(failing)).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(await deliverDueNotifications({ email: null, origin, now: after(now, 86_400_000) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const { actor: admin } = await makeUser({ role: "admin" });
    const { actor: customer } = await makeUser({ role: "customer", organizationId: org.id });
    const listed = (await listDeliveries({ actor: admin, status: "failed" })).find((d) => d.id === row.id);
    expect(listed).toMatchObject({
      organization: { slug: org.slug, name: org.name },
      provider: { slug: setup.input.slug },
      fromVersion: 1,
      toVersion: 2,
      channel: "webhook",
      status: "failed",
      attempts: MAX_DELIVERY_ATTEMPTS,
    });
    expect(listed!.log).toHaveLength(MAX_DELIVERY_ATTEMPTS + 1);
    expect(listed!.log[0]).toMatchObject({
      ok: false,
      status: 500,
      error: "HTTP 500",
      label: expect.stringContaining(failing),
    });
    await expect(listDeliveries({ actor: customer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listDeliveries({ actor: admin, status: "lost" })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await expect(retryDelivery({ actor: customer, id: row.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryDelivery({ actor: admin, id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await retryDelivery({ actor: admin, id: row.id });
    state = await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    await expect(retryDelivery({ actor: admin, id: row.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { action: "notifications.retry", targetId: row.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, providerId: setup.provider.id });

    // Fixed: the next run sends it to the endpoint that failed, and only to it.
    receiver.failing.delete(failing);
    await db().notificationDelivery.update({ where: { id: row.id }, data: { nextAttemptAt: epoch } });
    expect(await deliverDueNotifications({ email: null, origin, now: after(epoch, 1000) })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(hits(ok)).toHaveLength(1);
    expect(hits(failing).at(-1)!.valid).toBe(true);
    expect(await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
      lastError: null,
    });
  });
});

describe("email delivery", () => {
  async function emailSetup(epoch: Date) {
    const setup = await subscribedProvider();
    const org = setup.orgs[0]!;
    const each = await Promise.all([1, 2].map(() => makeUser({ role: "customer", organizationId: org.id })));
    // Neither one who chose no emails (or a digest) nor a deactivated user gets it.
    const none = await makeUser({ role: "customer", organizationId: org.id });
    await db().user.update({ where: { id: none.actor.id }, data: { changeEmails: "none" } });
    await makeUser({ role: "customer", organizationId: org.id, active: false });
    await publishChange(setup, "Review access monthly", epoch);
    // The tests' portal has no SMTP_URL, so publishing wrote no email row: the test adds it.
    const impact = await db().changeImpact.findFirstOrThrow({ where: { organizationId: org.id } });
    const row = await db().notificationDelivery.create({
      data: { impactId: impact.id, channel: "email", nextAttemptAt: epoch },
    });
    return { setup, org, each, impact, row };
  }

  test("a real SMTP server receives one email per user who wants each change, with a working unsubscribe link", async () => {
    const epoch = pastEpoch();
    const { setup, org, each, row } = await emailSetup(epoch);
    const before = mails.length;
    expect(await deliverDueNotifications({ email, origin, now: after(epoch, 1000) })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    const got = mails.slice(before);
    expect(got.map((m) => m.to)).toEqual(each.map((u) => [u.email]).sort());
    const mail = got.find((m) => m.to[0] === each[0]!.email)!;
    expect(header(mail, "Subject")).toBe(
      `${setup.input.name} version 2: 1 informational change to ${org.name}'s obligations`,
    );
    expect(header(mail, "From")).toBe("Demarc <demarc@example.test>");
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const oneClick = /^<(.+)>$/.exec(header(mail, "List-Unsubscribe") ?? "")?.[1];
    expect(oneClick).toMatch(new RegExp(`^${origin}/api/v1/email/unsubscribe\\?token=`));
    expect(mail.body).toContain('wording changed from "Review access quarterly" to "Review access monthly"');
    expect(mail.body).toContain(`${origin}/me/changes/`);
    expect(mail.body).toContain(`${origin}/unsubscribe?token=`);
    expect(await db().deliveryAttempt.count({ where: { deliveryId: row.id, ok: true } })).toBe(2);

    // The one-click POST a mail client sends.
    const token = new URL(oneClick!).searchParams.get("token")!;
    const response = await unsubscribeRoute(
      new Request(oneClick!, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("Unsubscribed\n");
    const user = await db().user.findUniqueOrThrow({ where: { id: each[0]!.actor.id } });
    expect(user.changeEmails).toBe("none");
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { action: "notifications.unsubscribe", targetId: user.id },
    });
    expect(audit).toMatchObject({ actorId: user.id, actorLabel: user.email, after: { changeEmails: "none" } });
    // Again: nothing more changes, nothing more is audited.
    expect(await unsubscribe({ token })).toEqual({ email: user.email, changed: false });
    expect(await db().auditEntry.count({ where: { action: "notifications.unsubscribe", targetId: user.id } })).toBe(1);

    // A token for someone else, a garbled one, none.
    const forged = `${each[1]!.actor.id}.${token.split(".")[1]}`;
    for (const bad of [forged, "garbage", ""]) {
      const refused = await unsubscribeRoute(
        new Request(`${origin}/api/v1/email/unsubscribe?token=${encodeURIComponent(bad)}`, { method: "POST" }),
      );
      expect(refused.status).toBe(400);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(await refused.json()).toMatchObject({ status: 400, title: "Invalid input" });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: each[1]!.actor.id } })).changeEmails).toBe("each");
  });

  test("an unreachable SMTP server is retried; without SMTP an email row fails clearly and webhooks still go", async () => {
    const epoch = pastEpoch();
    const { org, row } = await emailSetup(epoch);
    const closed = { url: "smtp://127.0.0.1:1?ignoreTLS=true", from: "demarc@example.test" };
    expect(await deliverDueNotifications({ email: closed, origin, now: after(epoch, 1000) })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const retrying = await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(retrying.lastError).toMatch(/^user-.*@example\.test: connection refused; user-.*: connection refused$/);

    const path = `/with-email-off-${year}`;
    await addEndpoint(org.id, path);
    const webhookRow = await db().notificationDelivery.create({
      data: { impactId: row.impactId, channel: "webhook", nextAttemptAt: epoch },
    });
    await db().notificationDelivery.update({ where: { id: row.id }, data: { nextAttemptAt: epoch } });
    expect(await deliverDueNotifications({ email: null, origin, now: after(epoch, 1000) })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 1,
    });
    expect(await db().notificationDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "failed",
      lastError: "Email is not configured on this portal (SMTP_URL is unset), so this email was not sent.",
    });
    expect(await db().notificationDelivery.findUniqueOrThrow({ where: { id: webhookRow.id } })).toMatchObject({
      status: "sent",
    });
    expect(hits(path)).toHaveLength(1);
    // Digests without SMTP: nothing is sent and nothing is marked.
    expect(await sendDailyDigests({ email: null, origin })).toEqual({ sent: 0, failed: 0 });
  });
});

describe("daily digests", () => {
  test("one digest lists both impacts since the last one, and is sent once a day", async () => {
    const setup = await subscribedProvider();
    const org = setup.orgs[0]!;
    const { actor, email: address } = await makeUser({ role: "customer", organizationId: org.id });
    await db().user.update({ where: { id: actor.id }, data: { changeEmails: "daily" } });
    const epoch = pastEpoch();
    await publishChange(setup, "Review access monthly", epoch);
    await publishChange(setup, "Review access weekly", epoch);

    // Other files' daily readers share the database: counts are this user's mails, not the run's totals.
    const mine = () => mails.filter((m) => m.to.includes(address));
    const now = new Date();
    expect((await sendDailyDigests({ email, origin, now })).failed).toBe(0);
    await sendDailyDigests({ email, origin, now: after(now, 60_000) });
    const got = mine();
    expect(got).toHaveLength(1);
    const [mail] = got;
    expect(header(mail!, "Subject")).toBe(`Daily digest: 2 provider versions changed ${org.name}'s obligations`);
    expect(mail!.body).toContain(`${setup.input.name}: version 2 → 3 (1 informational)`);
    expect(mail!.body).toContain(`${setup.input.name}: version 1 → 2 (1 informational)`);
    expect(mail!.body).toContain('wording changed from "Review access monthly" to "Review access weekly"');
    expect(header(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user.lastDigestAt).toEqual(now);

    // A day later with nothing new: still nothing; a new impact goes out in the next digest, alone.
    await sendDailyDigests({ email, origin, now: after(now, 86_400_000 + 1000) });
    expect(mine()).toHaveLength(1);
    await publishChange(setup, "Review access daily", epoch);
    const tomorrow = new Date(Date.now() + 86_400_000 + 1000);
    await sendDailyDigests({ email, origin, now: tomorrow });
    expect(mine()).toHaveLength(2);
    const latest = mine().at(-1)!;
    expect(latest.body).toContain(`${setup.input.name}: version 3 → 4`);
    expect(latest.body).not.toContain("version 1 → 2");
  });

  test("a digest that cannot be sent is tried again with the same impacts", async () => {
    const setup = await subscribedProvider();
    const org = setup.orgs[0]!;
    const { actor, email: address } = await makeUser({ role: "customer", organizationId: org.id });
    await db().user.update({ where: { id: actor.id }, data: { changeEmails: "daily" } });
    await publishChange(setup, "Review access monthly", pastEpoch());
    const closed = { url: "smtp://127.0.0.1:1?ignoreTLS=true", from: "demarc@example.test" };
    const now = new Date();
    expect((await sendDailyDigests({ email: closed, origin, now })).failed).toBeGreaterThanOrEqual(1);
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).lastDigestAt).toBeNull();
    await sendDailyDigests({ email, origin, now });
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).lastDigestAt).toEqual(now);
    expect(mails.filter((m) => m.to.includes(address))).toHaveLength(1);
  });

  test("a digest claimed by a worker that died is sent once its lease runs out", async () => {
    const setup = await subscribedProvider();
    const org = setup.orgs[0]!;
    const { actor, email: address } = await makeUser({ role: "customer", organizationId: org.id });
    await publishChange(setup, "Review access monthly", pastEpoch());
    const now = new Date();
    // What a worker leaves behind when it dies between its claim and the mail: a lease, nothing sent.
    const leaseUntil = after(now, 15 * 60_000);
    await db().user.update({ where: { id: actor.id }, data: { changeEmails: "daily", digestLeaseUntil: leaseUntil } });
    const mine = () => mails.filter((m) => m.to.includes(address));
    await sendDailyDigests({ email, origin, now: after(now, 60_000) });
    expect(mine()).toHaveLength(0);
    const later = after(leaseUntil, 1000);
    await sendDailyDigests({ email, origin, now: later });
    expect(mine()).toHaveLength(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({
      lastDigestAt: later,
      digestLeaseUntil: null,
    });
  });
});
