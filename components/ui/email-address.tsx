import { Fragment } from "react";

/**
 * An email address that wraps only where a reader expects it: before the @ and before each dot of
 * the domain, never inside a word (no break-all). Server-safe.
 */
export function EmailAddress({ email, className }: { email: string; className?: string }) {
  const at = email.lastIndexOf("@");
  const local = at >= 0 ? email.slice(0, at) : email;
  const domain = at >= 0 ? email.slice(at + 1).split(".") : [];
  return (
    <span className={className}>
      {local}
      {at >= 0 ? (
        <>
          <wbr />@
          {domain.map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? (
                <>
                  <wbr />.
                </>
              ) : null}
              {part}
            </Fragment>
          ))}
        </>
      ) : null}
    </span>
  );
}
