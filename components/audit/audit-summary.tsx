import Link from "next/link";
import type { SummaryPart } from "@/lib/audit/describe-audit-entry";
import { EmailAddress } from "@/components/ui/email-address";

/** An entry in words: text, links to what it concerns, email addresses that wrap at their @. */
export function AuditSummary({ parts }: { parts: readonly SummaryPart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        if (typeof part === "string") return part;
        const text = part.email ? <EmailAddress email={part.text} /> : part.text;
        return part.href ? (
          <Link key={i} href={part.href} className="font-medium text-blue-700 underline-offset-2 hover:underline">
            {text}
          </Link>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </>
  );
}

/** Who acted: their name now (when the account still exists) and the email recorded at the time. */
export function AuditActor({ label, name }: { label: string; name: string | null }) {
  const email = label.includes("@");
  return (
    <>
      {name ? <span className="block text-slate-900">{name}</span> : null}
      <span className={name ? "block text-xs text-slate-600" : "text-slate-800"}>
        {email ? <EmailAddress email={label} /> : label === "anonymous" ? "Anonymous visitor" : label}
      </span>
    </>
  );
}
