// Request field readers that answer DingTalk's 40035 (invalid parameter) on bad input.
import { ApiFailure } from "./types";

function invalid(key: string, why: string): ApiFailure {
  return new ApiFailure(40035, `invalid parameter ${key}: ${why}`);
}

export function optionalInt(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) throw invalid(key, "not an integer");
  return n;
}

export function int(body: Record<string, unknown>, key: string): number {
  const n = optionalInt(body, key);
  if (n === undefined) throw invalid(key, "missing");
  return n;
}

export function optionalString(body: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(key, "not a string");
  if (value.length > max) throw invalid(key, `longer than ${max} characters`);
  return value;
}

export function string(body: Record<string, unknown>, key: string, max: number): string {
  const s = optionalString(body, key, max);
  if (s === undefined || s === "") throw invalid(key, "missing");
  return s;
}

export function bool(body: Record<string, unknown>, key: string): boolean {
  const value = body[key];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw invalid(key, "not a boolean");
}
