import { z } from "zod";

/** DingTalk sometimes sends null for absent fields; treat null as absent. */
export function dropNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** A classic answer whose data sits under `result`. */
export function resultOf<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z.object({ result: schema }).transform((body): T => body.result);
}

export const ZEmptyResultSchema = z.object({}).transform(() => undefined);

/** Drops undefined values so only fields the caller set are sent. */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

export type WireValue = string | number | boolean;
