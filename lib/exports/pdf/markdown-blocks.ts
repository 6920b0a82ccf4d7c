// A provider's narrative sections are Markdown; the PDF prints them as plain text blocks (headings,
// paragraphs, lists), parsed with the same `marked` the web page uses. Raw HTML is dropped as the
// page's sanitizer drops it; a link keeps its text and shows its address, which paper cannot click.
import { marked, type Token, type Tokens } from "marked";

export interface ListItem {
  text: string;
  /** 0 for a top-level item, 1 for an item of a list inside it, … */
  depth: number;
}

export type MarkdownBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: ListItem[] };

function inline(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join("");
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case "html":
      return "";
    case "br":
      return "\n";
    case "link": {
      const link = token as Tokens.Link;
      const text = inline(link.tokens);
      return link.href && link.href !== text ? `${text} (${link.href})` : text;
    }
    case "codespan":
    case "escape":
      return (token as Tokens.Codespan).text;
    default:
      return "tokens" in token && Array.isArray(token.tokens)
        ? inline(token.tokens)
        : "text" in token
          ? token.text
          : "";
  }
}

function listItems(list: Tokens.List, depth: number): ListItem[] {
  return list.items.flatMap((item) => {
    const own = item.tokens
      .filter((t) => t.type !== "list")
      .map((t) => ("tokens" in t && Array.isArray(t.tokens) ? inline(t.tokens) : "text" in t ? t.text : ""))
      .join(" ")
      .trim();
    const nested = item.tokens
      .filter((t): t is Tokens.List => t.type === "list")
      .flatMap((t) => listItems(t, depth + 1));
    return [{ text: own, depth }, ...nested];
  });
}

function blocks(tokens: readonly Token[]): MarkdownBlock[] {
  return tokens.flatMap((token): MarkdownBlock[] => {
    switch (token.type) {
      case "heading":
        return [{ kind: "heading", text: inline((token as Tokens.Heading).tokens) }];
      case "paragraph":
      case "text":
        return [{ kind: "paragraph", text: inlineToken(token) }];
      case "code":
        return [{ kind: "paragraph", text: (token as Tokens.Code).text }];
      case "blockquote":
        return blocks((token as Tokens.Blockquote).tokens);
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        return [{ kind: "list", ordered: list.ordered, start, items: listItems(list, 0) }];
      }
      case "table": {
        const table = token as Tokens.Table;
        const row = (cells: readonly Tokens.TableCell[]) => cells.map((c) => inline(c.tokens)).join(" · ");
        return [table.header, ...table.rows].map((cells) => ({ kind: "paragraph", text: row(cells) }));
      }
      default:
        return [];
    }
  });
}

export function markdownBlocks(source: string): MarkdownBlock[] {
  return blocks(marked.lexer(source, { gfm: true })).filter((b) => b.kind === "list" || b.text.trim() !== "");
}
