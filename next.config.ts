import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The database drivers stay plain Node modules: PGlite loads its WebAssembly from its own folder.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // `npm run typecheck` type-checks the whole repo once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default config;
