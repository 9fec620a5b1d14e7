import { createHash, randomBytes } from "node:crypto";

function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** Stable per corp and userid, like DingTalk's unionid. */
export function unionIdFor(corpId: string, userid: string): string {
  return `union${digest("union", corpId, userid).slice(0, 20)}`;
}

export function openIdFor(corpId: string, userid: string): string {
  return `open${digest("open", corpId, userid).slice(0, 20)}`;
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}
