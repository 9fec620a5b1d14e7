import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM with a random 96-bit IV per value and the owning record's id as
// additional authenticated data, so a ciphertext cannot be moved to another row.
// Envelope: "v<version>:<iv>:<tag>:<ciphertext>" (base64 parts).

export type KeyRing = { current: number; keys: Map<number, Buffer> };

export class CryptoError extends Error {
  constructor(
    readonly code: "invalid_key_ring" | "unknown_key_version" | "malformed" | "tampered",
    message: string,
  ) {
    super(message);
    this.name = "CryptoError";
  }
}

/** Parses "2:base64key,1:base64oldkey"; the highest version encrypts. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<number, Buffer>();
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d+):(.+)$/.exec(part);
    if (!match) throw new CryptoError("invalid_key_ring", 'Each key must look like "<version>:<base64 of 32 bytes>".');
    const key = Buffer.from(match[2], "base64");
    if (key.length !== 32) throw new CryptoError("invalid_key_ring", `Key version ${match[1]} is not 32 bytes.`);
    keys.set(Number(match[1]), key);
  }
  if (keys.size === 0) throw new CryptoError("invalid_key_ring", "The key ring is empty.");
  return { current: Math.max(...keys.keys()), keys };
}

export function encryptSecret(ring: KeyRing, plaintext: string, recordId: string): string {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v" + ring.current, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

export function decryptSecret(ring: KeyRing, envelope: string, recordId: string): string {
  const parts = envelope.split(":");
  if (parts.length !== 4 || !/^v\d+$/.test(parts[0]))
    throw new CryptoError("malformed", "The encrypted value is malformed.");
  const version = Number(parts[0].slice(1));
  const key = ring.keys.get(version);
  if (!key) throw new CryptoError("unknown_key_version", `Key version ${version} is not in the key ring.`);
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, "base64"));
  if (iv.length !== 12 || tag.length !== 16) throw new CryptoError("malformed", "The encrypted value is malformed.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(recordId, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new CryptoError("tampered", "The encrypted value failed authentication (tampered or wrong record).");
  }
}

/** True when the value was written with an older key and should be re-encrypted. */
export function needsReencryption(ring: KeyRing, envelope: string): boolean {
  return !envelope.startsWith(`v${ring.current}:`);
}
