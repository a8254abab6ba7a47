import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  // Server-Sent Events must not be buffered by compression; a reverse proxy compresses instead.
  compress: false,
  poweredByHeader: false,
  // Plain Node modules, not bundled: PGlite loads its WebAssembly from its own folder, and Yjs must be
  // one copy per process (its classes are checked with instanceof) shared with the collaboration server.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "yjs"],
  // `npm run typecheck` type-checks the whole repo once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` answers 403 with app/forbidden.tsx (the admin area for non-administratörer).
  experimental: { authInterrupts: true },
};

export default config;
