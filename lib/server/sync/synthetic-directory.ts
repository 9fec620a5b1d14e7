import { randomUUID } from "node:crypto";
import type { Db } from "../prisma-client";

/**
 * A generated directory for benchmarks and fault tests: `ous` OUs in a tree up
 * to `depth` levels (the first level fans out wider), `accounts` accounts
 * spread over the non-root OUs.
 */
export async function seedSyntheticDirectory(
  db: Db,
  { accounts, ous: ouCount, depth = 6 }: { accounts: number; ous: number; depth?: number },
) {
  const root = { id: randomUUID(), name: "Synthetic Group", parentId: null as string | null, order: 0 };
  const ous = [root];
  const levels: (typeof ous)[] = [[root]];
  for (let d = 1; ous.length < ouCount && d < depth; d++) {
    const next: typeof ous = [];
    for (const parent of levels[d - 1]) {
      for (let i = 0; i < (d === 1 ? 8 : 3) && ous.length < ouCount; i++) {
        const ou = { id: randomUUID(), name: `Unit ${d}.${ous.length}`, parentId: parent.id, order: i };
        ous.push(ou);
        next.push(ou);
      }
    }
    levels.push(next);
  }
  await db.organizationalUnit.createMany({ data: ous });
  const seats = ous.slice(1);
  for (let start = 0; start < accounts; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, accounts - start) }, (_, i) => {
      const n = start + i;
      return {
        id: randomUUID(),
        username: `synthetic.user${n}`,
        displayName: `Synthetic User ${n}`,
        email: `synthetic.user${n}@example.com`,
        phoneNumber: `136${String(n).padStart(8, "0")}`,
        phoneRegion: "86",
        employeeNumber: `N${n}`,
        jobTitle: "Engineer",
      };
    });
    await db.account.createMany({ data: batch });
    await db.membership.createMany({
      data: batch.map((a, i) => ({ accountId: a.id, ouId: seats[(start + i) % seats.length].id, isPrimary: true })),
    });
  }
  return { rootId: root.id, ous: ous.length, depth: levels.length };
}
