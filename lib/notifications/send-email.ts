// Change emails through the configured SMTP server (env.email): one message per recipient, each
// with its own unsubscribe link — in the body, and as the List-Unsubscribe headers mail clients
// offer as a button (RFC 8058 one-click: they POST to /api/v1/email/unsubscribe). Errors are
// short and name no internals: admins read them in the delivery log.
import "server-only";
import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { escapeHtml } from "./impact-message";

export interface EmailSettings {
  /** smtp://user:pass@host:587 or smtps://…; query options (e.g. ?ignoreTLS=true) pass to nodemailer. */
  url: string;
  from: string;
}

export interface ChangeEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The portal's public origin, for the unsubscribe links. */
  origin: string;
  unsubscribeToken: string;
}

export interface EmailResult {
  ok: boolean;
  error: string | null;
  durationMs: number;
}

export interface ChangeMailer {
  send(mail: ChangeEmail): Promise<EmailResult>;
  close(): void;
}

export function createChangeMailer(settings: EmailSettings): ChangeMailer {
  // nodemailer's defaults wait minutes on a silent server; a worker run must not hang on one.
  const transport = nodemailer.createTransport(
    new SMTPTransport({ url: settings.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
  );
  return {
    async send(mail) {
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      const links = unsubscribeLinks(mail.origin, mail.unsubscribeToken);
      try {
        await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: `${mail.text}\n\n--\nYou receive this because of your change email setting on Demarc.\nUnsubscribe: ${links.page}\n`,
          html: withFooter(mail.html, links.page),
          headers: {
            "List-Unsubscribe": `<${links.oneClick}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        });
        return { ok: true, error: null, durationMs: durationMs() };
      } catch (error) {
        return { ok: false, error: describeSmtpError(error), durationMs: durationMs() };
      }
    },
    close: () => transport.close(),
  };
}

export function unsubscribeLinks(origin: string, token: string) {
  const base = origin.replace(/\/+$/, "");
  const query = `token=${encodeURIComponent(token)}`;
  return { oneClick: `${base}/api/v1/email/unsubscribe?${query}`, page: `${base}/unsubscribe?${query}` };
}

function withFooter(html: string, unsubscribeUrl: string): string {
  const footer = `<hr>\n<p style="font-size:small">You receive this because of your change email setting on Demarc. <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>\n`;
  return html.includes("</body>") ? html.replace("</body>", `${footer}</body>`) : html + footer;
}

function describeSmtpError(error: unknown): string {
  const { code, responseCode, errno, message } = error as {
    code?: string;
    responseCode?: number;
    errno?: number | string;
    message?: string;
  };
  if (responseCode) return `SMTP ${responseCode}`;
  // nodemailer reports socket failures as ESOCKET, with the system's code in the message.
  const system = `${errno ?? ""} ${message ?? ""}`;
  if (/ECONNREFUSED/.test(system)) return "connection refused";
  if (/ENOTFOUND|EAI_AGAIN/.test(system)) return "host not found";
  if (/ECONNRESET/.test(system)) return "connection reset";
  switch (code) {
    case "ETIMEDOUT":
      return "timed out";
    case "EAUTH":
      return "SMTP sign-in refused";
    case "ETLS":
      return "TLS failed";
    case "EDNS":
      return "host not found";
    case "EENVELOPE":
      return "recipient refused";
    case "ECONNECTION":
    case "ESOCKET":
      return "connection failed";
    default:
      return "sending failed";
  }
}
