import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The module boundaries of README decision 16, checked on every lint:
// - a "use client" file may not reach, through the modules it imports at run time (type-only imports
//   are erased), a server module ("server-only"), the database, zod or a Node built-in;
// - components/ and lib/ never import from app/.
const root = import.meta.dirname;
const serverPackages = /^(server-only|zod|pg|@prisma\/|@electric-sql\/|next\/headers$|next-auth$|next-auth\/(?!react))/;
const builtins = new Set(builtinModules);
const importPattern = /^\s*(?:import|export)\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?["']([^"']+)["']/gm;

/** Run-time imports of a source text (import type / all-`type` specifiers are left out). */
function runtimeImports(text) {
  const found = [];
  for (const [, typeOnly, clause, source] of text.matchAll(importPattern)) {
    if (typeOnly) continue;
    const named = clause?.match(/^\{([\s\S]*)\}$/)?.[1];
    const items = named
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (items?.length && items.every((item) => item.startsWith("type "))) continue;
    found.push(source);
  }
  return found;
}

function resolveLocal(source, fromFile) {
  const base = source.startsWith("@/")
    ? path.join(root, source.slice(2))
    : source.startsWith(".")
      ? path.resolve(path.dirname(fromFile), source)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

/** A "use server" module is called over the network, never bundled: it may import anything. */
const isActionModule = (file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"));

const verdicts = new Map();
/** Why `file` cannot run in a browser bundle ("a → b → zod"), or null. */
function serverReason(file, seen = new Set()) {
  if (verdicts.has(file)) return verdicts.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  let reason = /^\s*import\s+["']server-only["']/m.test(text) ? "server-only" : null;
  for (const source of runtimeImports(text)) {
    if (reason) break;
    const bare = source.replace(/^node:/, "");
    if (serverPackages.test(source) || source.startsWith("node:") || builtins.has(bare)) reason = source;
    else {
      const local = resolveLocal(source, file);
      const inner = local && !isActionModule(local) && serverReason(local, seen);
      if (inner) reason = `${path.relative(root, local)} → ${inner}`;
    }
  }
  verdicts.set(file, reason);
  return reason;
}

const boundaries = {
  rules: {
    "client-imports": {
      meta: {
        type: "problem",
        schema: [],
        messages: { server: '"use client" file imports {{source}}, which reaches {{reason}}' },
      },
      create(context) {
        const program = context.sourceCode.ast;
        const first = program.body[0];
        if (first?.type !== "ExpressionStatement" || first.directive !== "use client") return {};
        const check = (node) => {
          if (node.importKind === "type" || node.exportKind === "type" || !node.source) return;
          if (node.specifiers?.length && node.specifiers.every((s) => s.importKind === "type")) return;
          const source = node.source.value;
          const bare = source.replace(/^node:/, "");
          let reason = serverPackages.test(source) || source.startsWith("node:") || builtins.has(bare) ? source : null;
          if (!reason) {
            const local = resolveLocal(source, context.filename);
            if (local && !isActionModule(local)) reason = serverReason(local);
          }
          if (reason) context.report({ node, messageId: "server", data: { source, reason } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { demarc: boundaries },
    rules: { "demarc/client-imports": "error" },
  },
  {
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app", "@/app/*", "**/app/*"], message: "Imports point down: app → components → lib." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "lib/generated/**", "tests/e2e/.artifacts/**", ".data/**", "next-env.d.ts"]),
]);
