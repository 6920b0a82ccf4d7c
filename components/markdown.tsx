import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ["p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "a", "h3", "h4", "br", "hr"],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

/** Markdown from the database, rendered to sanitized HTML (no scripts, styles or raw attributes). */
export function Markdown({ source }: { source: string }) {
  const html = sanitizeHtml(marked.parse(source, { async: false, gfm: true }), allowed);
  return (
    <div
      className="prose-demarc space-y-3 text-sm leading-relaxed text-slate-700 [&_a]:text-blue-700 [&_a]:underline [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
