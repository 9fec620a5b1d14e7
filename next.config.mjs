import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/bcrypt"],
  poweredByHeader: false,
  // CSV imports of 10,000+ rows travel through a server action.
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  // `npm test` runs tsc as its own step; the build need not type-check twice.
  typescript: { ignoreBuildErrors: true },
  // Tests run `next build` and `next start` from a fresh directory of their own.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
