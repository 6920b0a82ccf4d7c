import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/static-headers";

const nextConfig: NextConfig = {
  // PGlite and the schema engine ship WebAssembly, exceljs dynamic requires: keep them out of the server
  // bundle. (PDFs render in a worker thread that loads lib/exports/pdf from source, outside the bundle.)
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "exceljs",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Provider JSON imports may be up to 2 MiB (lib/transfer/read-provider-json.ts).
    serverActions: { bodySizeLimit: "3mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...staticSecurityHeaders],
      },
    ];
  },
};

export default nextConfig;
