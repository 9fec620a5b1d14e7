import type { Prisma } from "@/lib/generated/prisma/client";
import { dialectOf, type Db } from "../prisma-client";

/**
 * A Prisma filter for "the field contains `q`", case-insensitive on both databases, as an
 * administrator expects of a search box. SQLite's LIKE (which Prisma's `contains` becomes)
 * ignores ASCII case already; PostgreSQL's does not, so there it asks for `mode: "insensitive"`
 * (ILIKE). Under the C locale (the test and bench servers) both fold ASCII letters only and
 * match the same rows; under another locale PostgreSQL also folds other letters (É and é).
 * Typed as the SQLite client's filter, which has no `mode`; the PostgreSQL client, which
 * receives it there, has.
 */
export function containsText(db: Db, q: string): Prisma.StringFilter {
  if (dialectOf(db) === "postgresql") return { contains: q, mode: "insensitive" } as Prisma.StringFilter;
  return { contains: q };
}
