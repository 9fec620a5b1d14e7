import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

// `npx tsx lib/server/cli/page-weight.ts [distDir]`: the gzipped first-load JS
// of every app route of a production build. Turbopack's `next build` prints no
// sizes, so they are computed from what the build emits:
//   - build-manifest.json `rootMainFiles`: the runtime every page loads;
//   - server/app/<segments>/page_client-reference-manifest.js `entryJSFiles`:
//     the client chunks of the route's layouts and page (its first load).
// Chunks loaded later (next/dynamic, on interaction) are not counted.

type RscManifest = { entryJSFiles?: Record<string, string[]> };

const distDir = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(distDir, file), "utf8")) as T;

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** The route's client-reference manifest, evaluated as Next evaluates it (it assigns globalThis.__RSC_MANIFEST[page]). */
function entryFiles(pageKey: string): string[] | null {
  const file = path.join(distDir, "server", "app", `${pageKey}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return null;
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, RscManifest> } };
  sandbox.globalThis = sandbox as never;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[pageKey];
  if (!manifest) return null;
  return Object.values(manifest.entryJSFiles ?? {})
    .flat()
    .filter((f) => f.endsWith(".js"));
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function main() {
  if (!fs.existsSync(path.join(distDir, "build-manifest.json"))) {
    console.error(`No production build in ${distDir}: run \`next build\` first (NEXT_DIST_DIR selects the directory).`);
    process.exit(1);
  }
  const root = readJson<{ rootMainFiles?: string[] }>("build-manifest.json").rootMainFiles ?? [];
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const shared = root.reduce((n, f) => n + gzipSize(f), 0);
  const rows: { route: string; files: number; own: number; total: number }[] = [];
  for (const [pageKey, route] of Object.entries(routes)) {
    if (!pageKey.endsWith("/page")) continue; // route handlers (API) ship no JS
    const files = entryFiles(pageKey);
    if (!files) continue;
    const own = [...new Set(files)].filter((f) => !root.includes(f));
    const ownSize = own.reduce((n, f) => n + gzipSize(f), 0);
    rows.push({ route, files: own.length + root.length, own: ownSize, total: shared + ownSize });
  }
  rows.sort((a, b) => a.route.localeCompare(b.route));
  const width = Math.max(5, ...rows.map((r) => r.route.length));
  console.log(`First-load JS (gzip) of ${distDir}; shared by all: ${kB(shared)} in ${root.length} files\n`);
  console.log(`${"Route".padEnd(width)}  ${"Route JS".padStart(10)}  ${"First load".padStart(10)}  Files`);
  for (const r of rows)
    console.log(`${r.route.padEnd(width)}  ${kB(r.own).padStart(10)}  ${kB(r.total).padStart(10)}  ${r.files}`);
}

main();
