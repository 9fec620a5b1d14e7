import { Prisma } from "@/lib/generated/prisma/client";
import { dialectOf, type Db } from "../prisma-client";

export const ACCOUNTS_PAGE_SIZE = 50;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The text search, ignoring case on both databases. SQLite's LIKE ignores ASCII case already.
 * PostgreSQL's does not, and its ILIKE lower-cases the text of every row it tries: one ILIKE
 * over the four fields joined by U+0001 (which a typed query does not contain, and which an
 * escaped `_` cannot stand for, so no match spans two fields) costs half of four ILIKEs, and
 * its narrower estimate lets the planner scan and sort the matches instead of walking the
 * username index over every row: at 100,000 accounts about a third of the time, no index needed.
 */
function textMatches(db: Db, q: string): Prisma.Sql {
  const p = likePattern(q);
  if (dialectOf(db) === "postgresql")
    // Only immutable functions (|| and COALESCE, not CONCAT_WS): an expression index could serve it.
    return Prisma.sql`(a."username" || CHR(1) || a."displayName" || CHR(1) || COALESCE(a."email", '') || CHR(1) || COALESCE(a."phoneNumber", '')) ILIKE ${p} ESCAPE '\\'`;
  return Prisma.sql`(a."username" LIKE ${p} ESCAPE '\\' OR a."displayName" LIKE ${p} ESCAPE '\\' OR a."email" LIKE ${p} ESCAPE '\\' OR a."phoneNumber" LIKE ${p} ESCAPE '\\')`;
}

/**
 * A page of accounts, searched by text and filtered by an OU and everything
 * under it. The ids are chosen in SQL written by hand: Prisma's `some` filter
 * becomes a correlated EXISTS that SQLite plans as a nested scan (seconds at
 * 100,000 accounts); an uncorrelated IN over a recursive CTE is planned once.
 * Plain SQL-92 + WITH RECURSIVE, run by both databases, except the text match
 * (LIKE on SQLite, ILIKE on PostgreSQL). Counts come back as bigint on PostgreSQL
 * (and as a number on SQLite): `Number()` reads both.
 */
export async function listAccounts(db: Db, { page, query, ouId }: { page: number; query?: string; ouId?: string }) {
  const q = query?.trim();
  const conditions: Prisma.Sql[] = [];
  if (q) conditions.push(textMatches(db, q));
  if (ouId) {
    conditions.push(Prisma.sql`a."id" IN (
      SELECT m."accountId" FROM "Membership" m WHERE m."ouId" IN (
        WITH RECURSIVE sub(id) AS (
          SELECT CAST(${ouId} AS TEXT) UNION ALL SELECT o."id" FROM "OrganizationalUnit" o JOIN sub ON o."parentId" = sub.id
        ) SELECT id FROM sub))`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const offset = (page - 1) * ACCOUNTS_PAGE_SIZE;
  let idRows: { id: string }[];
  let total: number;
  if (conditions.length === 0) {
    // Unfiltered: the page walks the username index and stops after 50 rows; the count is cheap.
    const [countRows, rows] = await Promise.all([
      db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Account" a`,
      db.$queryRaw<
        { id: string }[]
      >`SELECT a."id" FROM "Account" a ORDER BY a."username" LIMIT ${ACCOUNTS_PAGE_SIZE} OFFSET ${offset}`,
    ]);
    idRows = rows;
    total = Number(countRows[0]?.n ?? 0);
  } else {
    // Filtered: one scan yields the matches and their count (a window count), instead of a
    // count scan plus an index walk that visits most rows before 50 match.
    const rows = await db.$queryRaw<{ id: string; total: number | bigint }[]>`
      SELECT a."id", COUNT(*) OVER () AS total FROM "Account" a ${where} ORDER BY a."username" LIMIT ${ACCOUNTS_PAGE_SIZE} OFFSET ${offset}`;
    idRows = rows;
    total =
      rows.length > 0
        ? Number(rows[0].total)
        : Number(
            (await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Account" a ${where}`)[0]?.n ?? 0,
          );
  }
  const accounts = await db.account.findMany({
    where: { id: { in: idRows.map((r) => r.id) } },
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      displayName: true,
      email: true,
      phoneNumber: true,
      phoneRegion: true,
      status: true,
      memberships: { where: { isPrimary: true }, select: { ou: { select: { name: true } } } },
    },
  });
  return { accounts, total, pages: Math.ceil(total / ACCOUNTS_PAGE_SIZE) };
}
