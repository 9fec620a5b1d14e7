import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { listAccounts } from "../directory/account-list";
import { importAccountsCsv } from "../directory/import-accounts";
import { listOuChildren } from "../directory/ou-queries";
import type { Dialect } from "../db/dialect";
import { migrate } from "../db/migrate";
import { startPostgres, withDatabase } from "../db/postgres-server";
import { createPrismaClient, dialectOf, type Db } from "../prisma-client";

// `npm run bench:directory`: 100,000 accounts in 5,000 OUs on a fresh SQLite file, then
// the same on a fresh database of a throwaway PostgreSQL server, and the timings an
// administrator feels on each. `--sqlite` / `--postgresql` run one only. Prints figures
// (the goals: each query under 150 ms, the import under 10 s); asserts nothing.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const OUS = 5_000;
const IMPORT_ROWS = 10_000;
const GOAL_MS = 150;
const GOAL_IMPORT_S = 10;
const NAMES: Record<Dialect, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

type Figures = {
  dialect: Dialect;
  ous: number;
  pageMs: number;
  searchMs: number;
  ouFilterMs: number;
  treeMs: number;
  importS: number;
};

async function time<T>(label: string, fn: () => Promise<T>, runs = 5): Promise<{ ms: number; result: T }> {
  let result = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const ms = samples[Math.floor(samples.length / 2)];
  console.info(
    `${label.padEnd(44)} median ${ms.toFixed(1)} ms (min ${samples[0].toFixed(1)}, max ${samples.at(-1)!.toFixed(1)})`,
  );
  return { ms, result };
}

async function bench(db: Db): Promise<Figures> {
  const dialect = dialectOf(db);
  const seedStart = performance.now();
  const root = randomUUID();
  const ous = [{ id: root, name: "Bench Group", parentId: null as string | null, order: 0 }];
  const level1 = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    name: `Division ${i}`,
    parentId: root,
    order: i,
  }));
  const level2 = level1.flatMap((p, i) =>
    Array.from({ length: 10 }, (_, j) => ({
      id: randomUUID(),
      name: `Department ${i}.${j}`,
      parentId: p.id,
      order: j,
    })),
  );
  const leaves: typeof ous = [];
  for (let k = 0; ous.length + level1.length + level2.length + leaves.length < OUS; k++) {
    const p = level2[k % level2.length];
    leaves.push({ id: randomUUID(), name: `Team ${k}`, parentId: p.id, order: k });
  }
  ous.push(...level1, ...level2, ...leaves);
  await db.organizationalUnit.createMany({ data: ous });
  const surnames = ["zhang", "wang", "li", "liu", "chen", "tanaka", "sato", "smith", "brown", "garcia"];
  for (let start = 0; start < ACCOUNTS; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, ACCOUNTS - start) }, (_, i) => {
      const n = start + i;
      return {
        id: randomUUID(),
        username: `${surnames[n % 10]}.user${n}`,
        displayName: `${surnames[n % 10]} ${n}`,
        email: `${surnames[n % 10]}.user${n}@example.com`,
        phoneNumber: `139${String(n).padStart(8, "0")}`,
        phoneRegion: "86",
        employeeNumber: `B${n}`,
      };
    });
    await db.account.createMany({ data: batch });
    await db.membership.createMany({
      data: batch.map((a, i) => ({ accountId: a.id, ouId: leaves[(start + i) % leaves.length].id, isPrimary: true })),
    });
  }
  // What autovacuum does shortly after a bulk load: the planner's statistics for the new rows.
  if (dialect === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  console.info(
    `seeded ${ACCOUNTS.toLocaleString("en")} accounts in ${ous.length.toLocaleString("en")} OUs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  );

  const page1 = await time("first page, no filter", () => listAccounts(db, { page: 1 }));
  const search = await time('search "tanaka.user4" (username/name/email/mobile)', () =>
    listAccounts(db, { page: 1, query: "tanaka.user4" }),
  );
  await time('search "TANAKA.USER4" (another case, same rows)', () =>
    listAccounts(db, { page: 1, query: "TANAKA.USER4" }),
  );
  const division = await time("OU-filtered page (a division, 250 OUs below)", () =>
    listAccounts(db, { page: 1, ouId: level1[3].id }),
  );
  await time("deep page (page 1,000)", () => listAccounts(db, { page: 1000 }));
  const rootLevel = await time("tree: children of the root", () => listOuChildren(db, root));
  const departmentLevel = await time("tree: children of a department", () => listOuChildren(db, level2[0].id));

  const header = "username,displayName,email,phoneRegion,phoneNumber,primaryOrganization";
  const ouPath = `Bench Group/${level1[0].name}/${level2[0].name}`;
  const csv = [
    header,
    ...Array.from(
      { length: IMPORT_ROWS },
      (_, i) => `import.user${i},Import ${i},import.user${i}@example.com,86,137${String(i).padStart(8, "0")},${ouPath}`,
    ),
  ].join("\n");
  const importStart = performance.now();
  const imported = await importAccountsCsv({ db, actor: "system", text: csv });
  const importS = (performance.now() - importStart) / 1000;
  console.info(
    `${"CSV import of 10,000 new accounts".padEnd(44)} ${importS.toFixed(2)} s (${imported.created} created, ${imported.issues.length} issues)`,
  );

  const treeMs = Math.max(rootLevel.ms, departmentLevel.ms);
  console.info(
    `\nbench:directory dialect=${dialect} accounts=${ACCOUNTS} ous=${ous.length} page_ms=${page1.ms.toFixed(1)} search_ms=${search.ms.toFixed(1)} ou_filter_ms=${division.ms.toFixed(1)} tree_ms=${treeMs.toFixed(1)} import_10k_s=${importS.toFixed(2)}` +
      ` (results: ${page1.result.total}, ${search.result.total}, ${division.result.total})`,
  );
  return {
    dialect,
    ous: ous.length,
    pageMs: page1.ms,
    searchMs: search.ms,
    ouFilterMs: division.ms,
    treeMs,
    importS,
  };
}

async function onSqlite(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-directory-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = createPrismaClient(url);
  try {
    return await bench(db);
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Figures> {
  const server = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "bench_directory"`).finally(() => admin.end());
    const url = withDatabase(server.url, "bench_directory");
    await migrate(url);
    const db = createPrismaClient(url);
    try {
      return await bench(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.stop();
  }
}

const withinGoals = (f: Figures) =>
  Math.max(f.pageMs, f.searchMs, f.ouFilterMs, f.treeMs) < GOAL_MS && f.importS < GOAL_IMPORT_S;

async function main() {
  const only = process.argv.includes("--sqlite")
    ? "sqlite"
    : process.argv.includes("--postgresql")
      ? "postgresql"
      : null;
  const [load] = os.loadavg();
  console.info(
    `bench:directory on ${os.cpus().length} CPUs, load average ${load.toFixed(1)}` +
      (load > os.cpus().length ? " (a busy machine: every figure is slower than on an idle one)" : ""),
  );
  const results: Figures[] = [];
  for (const [dialect, run] of [
    ["sqlite", onSqlite],
    ["postgresql", onPostgres],
  ] as const) {
    if (only && only !== dialect) continue;
    console.info(`\n== ${NAMES[dialect]} ==`);
    results.push(await run());
  }
  // The last line: one field group per database, in a fixed order and format.
  console.info(
    `\nbench:directory accounts=${ACCOUNTS} ous=${results[0].ous} ` +
      results
        .map(
          (f) =>
            `${f.dialect}: page_ms=${f.pageMs.toFixed(1)} search_ms=${f.searchMs.toFixed(1)} ou_filter_ms=${f.ouFilterMs.toFixed(1)} tree_ms=${f.treeMs.toFixed(1)} import_10k_s=${f.importS.toFixed(2)} goals=${withinGoals(f) ? "met" : "missed"}`,
        )
        .join(" | "),
  );
}

void main();
