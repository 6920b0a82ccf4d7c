import type { Metadata } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu, UserNavLinks } from "@/components/auth/user-menu";
import { env } from "@/lib/env";
import "./globals.css";

// The font ships in an npm package: next/font/google would download at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  // With a configured public origin, links in <head> (the changelog feeds) are absolute.
  metadataBase: env.publicOrigin ? new URL(env.publicOrigin) : undefined,
  title: { default: "Demarc — shared responsibility models", template: "%s · Demarc" },
  description: "Who does what — provider, customer, both or a third party — for every layer of every cloud service.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white print:border-none">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
            <Link href="/" className="mr-auto flex items-center gap-2 font-semibold tracking-tight text-slate-900">
              <svg aria-hidden="true" width="22" height="22" viewBox="0 0 22 22">
                <rect x="1" y="1" width="9" height="20" rx="2" fill="#047857" />
                <rect x="12" y="1" width="9" height="20" rx="2" fill="#1d4ed8" />
              </svg>
              Demarc
            </Link>
            {/* Small screens: logo and account on the first line, the navigation below. */}
            <nav
              aria-label="Main"
              className="no-print order-last flex w-full flex-wrap items-center gap-x-5 gap-y-1 text-sm text-slate-600 sm:order-none sm:w-auto"
            >
              <Link href="/" className="hover:text-slate-900">
                Catalog
              </Link>
              <UserNavLinks />
            </nav>
            <div className="no-print sm:border-l sm:border-slate-200 sm:pl-6">
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="no-print mx-auto max-w-7xl px-4 pb-10 pt-4 text-xs text-slate-600 sm:px-6">
          Demarc transcribes public shared responsibility documents; each provider page cites its source.{" "}
          <Link href="/verify" className="underline hover:text-slate-900">
            Verify an exported file
          </Link>
          .
        </footer>
      </body>
    </html>
  );
}
