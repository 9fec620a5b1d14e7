import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { listAccounts } from "../directory/account-list";
import { importAccountsCsv } from "../directory/import-accounts";
import { listOuChildren } from "../directory/ou-queries";
import { createTestDb } from "../test-db";

// `npm run bench:directory`: 100,000 accounts in 5,000 OUs on a fresh SQLite
// file, then the timings an administrator feels. Prints figures; asserts nothing.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const OUS = 5_000;
const IMPORT_ROWS = 10_000;

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

async function main() {
  const { db, cleanup } = await createTestDb();
  try {
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
    console.info(
      `seeded ${ACCOUNTS.toLocaleString("en")} accounts in ${ous.length.toLocaleString("en")} OUs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
    );

    const page1 = await time("first page, no filter", () => listAccounts(db, { page: 1 }));
    const search = await time('search "tanaka.user4" (username/name/email/mobile)', () =>
      listAccounts(db, { page: 1, query: "tanaka.user4" }),
    );
    const division = await time("OU-filtered page (a division, 250 OUs below)", () =>
      listAccounts(db, { page: 1, ouId: level1[3].id }),
    );
    await time("deep page (page 1,000)", () => listAccounts(db, { page: 1000 }));
    await time("tree: children of the root", () => listOuChildren(db, root));
    await time("tree: children of a department", () => listOuChildren(db, level2[0].id));

    const header = "username,displayName,email,phoneRegion,phoneNumber,primaryOrganization";
    const path = `Bench Group/${level1[0].name}/${level2[0].name}`;
    const csv = [
      header,
      ...Array.from(
        { length: IMPORT_ROWS },
        (_, i) => `import.user${i},Import ${i},import.user${i}@example.com,86,137${String(i).padStart(8, "0")},${path}`,
      ),
    ].join("\n");
    const importStart = performance.now();
    const imported = await importAccountsCsv({ db, actor: "system", text: csv });
    const importS = (performance.now() - importStart) / 1000;
    console.info(
      `${"CSV import of 10,000 new accounts".padEnd(44)} ${importS.toFixed(2)} s (${imported.created} created, ${imported.issues.length} issues)`,
    );

    console.info(
      `\nbench:directory accounts=${ACCOUNTS} ous=${ous.length} page_ms=${page1.ms.toFixed(1)} search_ms=${search.ms.toFixed(1)} ou_filter_ms=${division.ms.toFixed(1)} import_10k_s=${importS.toFixed(2)}` +
        ` (results: ${page1.result.total}, ${search.result.total}, ${division.result.total})`,
    );
  } finally {
    await cleanup();
  }
}

void main();
