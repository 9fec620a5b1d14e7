import type { Dialect } from "./schemas";

export type { Dialect };

/** The dialect a DATABASE_URL speaks: `postgres://` / `postgresql://`, else SQLite (`file:`). */
export function dialectOfUrl(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}
