import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { Markdown } from "@/components/markdown";

test("narrative Markdown is rendered and sanitized", () => {
  const html = renderToStaticMarkup(
    <Markdown
      source={
        "**Least privilege** for [both](https://example.org) parties.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
      }
    />,
  );
  expect(html).toContain("<strong>Least privilege</strong>");
  expect(html).toContain('href="https://example.org"');
  expect(html).toContain('rel="noopener noreferrer nofollow"');
  expect(html).not.toMatch(/<script|onerror|<img|javascript:/i);
});
