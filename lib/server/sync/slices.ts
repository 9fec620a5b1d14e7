// SQLite takes a few hundred bound parameters per statement: lists of ids go in slices.
const SLICE = 500;

/** `ids` in consecutive slices of at most 500. */
export function slices<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(ids.slice(i, i + SLICE));
  return out;
}
