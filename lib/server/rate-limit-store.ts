import { RateLimiterPrisma, type IRateLimiterStoreNoAutoExpiryOptions } from "rate-limiter-flexible";
import { dialectOf, type Db } from "./prisma-client";

/** What the store hands back after a consume: rate-limiter-flexible turns it into a RateLimiterRes. */
type StoreRow = { points: number; expire: Date | null };

type Options = Omit<IRateLimiterStoreNoAutoExpiryOptions, "storeClient" | "tableName"> & { storeClient: Db };

/**
 * rate-limiter-flexible's Prisma store (table RateLimiterFlexible), with each consume one SQL
 * statement. The library's own consume deletes the key's expired row, then upserts: Prisma sends
 * the upsert as one INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL, so concurrent
 * consumes are all counted, but the two statements each read the calling process's clock. A
 * window that ends between them is charged to the old window (a refusal with no wait), and a
 * process whose clock runs a window ahead (10 s for in-app SSO) deletes the others' current
 * windows. Here one statement starts a new window or adds to the current one, judged by one
 * clock: PostgreSQL's (shared by every process) or, on SQLite (one machine), the process's.
 */
export class SqlRateLimiterStore extends RateLimiterPrisma {
  private readonly sql: Db;

  constructor(opts: Options) {
    // The library reads the model as storeClient[tableName]: Prisma's delegate name.
    super({ ...opts, tableName: "rateLimiterFlexible" });
    this.sql = opts.storeClient;
  }

  // The store contract of RateLimiterStoreAbstract: add `points` to the key's window and return the row.
  // `forceExpire` (block/set) replaces the row instead.
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoreRow> {
    if (forceExpire) {
      const expire = msDuration > 0 ? new Date(Date.now() + msDuration) : null;
      return this.sql.rateLimiterFlexible.upsert({
        where: { key },
        create: { key, points, expire },
        update: { points, expire },
      });
    }
    return dialectOf(this.sql) === "postgresql"
      ? consumePostgres(this.sql, key, points, msDuration)
      : consumeSqlite(this.sql, key, points, msDuration);
  }
}

async function consumePostgres(db: Db, key: string, points: number, msDuration: number): Promise<StoreRow> {
  // Prisma stores DateTime as UTC in `timestamp without time zone`; now() is the same for the whole statement.
  const [row] = await db.$queryRaw<{ points: number; msLeft: number | null }[]>`
    INSERT INTO "RateLimiterFlexible" AS r ("key", "points", "expire")
    VALUES (${key}, ${points}::integer, CASE WHEN ${msDuration}::integer > 0
      THEN (now() AT TIME ZONE 'UTC') + ${msDuration}::integer * interval '1 millisecond' END)
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN r."expire" <= (now() AT TIME ZONE 'UTC') THEN excluded."points" ELSE r."points" + excluded."points" END,
      "expire" = CASE WHEN r."expire" <= (now() AT TIME ZONE 'UTC') THEN excluded."expire" ELSE r."expire" END
    RETURNING r."points", (EXTRACT(EPOCH FROM (r."expire" - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "msLeft"`;
  // The time left by the database's clock, told against this process's (the library subtracts Date.now()).
  return { points: row.points, expire: row.msLeft === null ? null : new Date(Date.now() + row.msLeft) };
}

async function consumeSqlite(db: Db, key: string, points: number, msDuration: number): Promise<StoreRow> {
  // Dates bound here are stored in the same ISO text as Prisma's own writes, so they compare as text.
  const now = new Date();
  const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
  const [row] = await db.$queryRaw<{ points: number; expire: Date | string | null }[]>`
    INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "expire" <= ${now} THEN excluded."points" ELSE "points" + excluded."points" END,
      "expire" = CASE WHEN "expire" <= ${now} THEN excluded."expire" ELSE "expire" END
    RETURNING "points", "expire"`;
  return { points: Number(row.points), expire: row.expire === null ? null : new Date(row.expire) };
}
