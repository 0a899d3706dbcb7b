import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly through file URLs that break when bundled (see ENVIRONMENT.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@kusto/language-service-next"],
  poweredByHeader: false,
  // Lets two builds coexist (e.g. a developer's demo and a test run); `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // `npm test` type-checks the whole project with tsc (strict) before building; doing it twice costs ~15 s.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
