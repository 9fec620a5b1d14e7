import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CryptoError, decryptSecret, encryptSecret, needsReencryption, parseKeyRing } from "./crypto";

const key = () => randomBytes(32).toString("base64");

describe("crypto", () => {
  const ring = parseKeyRing(`1:${key()}`);

  it("round-trips a secret, with a fresh IV each time", () => {
    const a = encryptSecret(ring, "app-secret-值", "idp_1");
    const b = encryptSecret(ring, "app-secret-值", "idp_1");
    expect(a).not.toEqual(b);
    expect(a).not.toContain("app-secret");
    expect(decryptSecret(ring, a, "idp_1")).toBe("app-secret-值");
    expect(decryptSecret(ring, b, "idp_1")).toBe("app-secret-值");
  });

  it("rejects a tampered ciphertext", () => {
    const envelope = encryptSecret(ring, "s3cret", "idp_1");
    const parts = envelope.split(":");
    const ct = Buffer.from(parts[3], "base64");
    ct[0] ^= 0x01;
    parts[3] = ct.toString("base64");
    expect(() => decryptSecret(ring, parts.join(":"), "idp_1")).toThrowError(
      expect.objectContaining({ code: "tampered" }),
    );
  });

  it("rejects a ciphertext moved to another record (AAD)", () => {
    const envelope = encryptSecret(ring, "s3cret", "idp_1");
    expect(() => decryptSecret(ring, envelope, "idp_2")).toThrowError(CryptoError);
  });

  it("still decrypts old values after the key ring is rotated", () => {
    const oldKey = key();
    const before = parseKeyRing(`1:${oldKey}`);
    const oldEnvelope = encryptSecret(before, "old-secret", "idp_1");
    const rotated = parseKeyRing(`2:${key()},1:${oldKey}`);
    expect(rotated.current).toBe(2);
    expect(decryptSecret(rotated, oldEnvelope, "idp_1")).toBe("old-secret");
    expect(needsReencryption(rotated, oldEnvelope)).toBe(true);
    const fresh = encryptSecret(rotated, "new-secret", "idp_1");
    expect(fresh.startsWith("v2:")).toBe(true);
    expect(needsReencryption(rotated, fresh)).toBe(false);
  });

  it("names a missing key version and a malformed ring", () => {
    const envelope = encryptSecret(parseKeyRing(`3:${key()}`), "x", "r");
    expect(() => decryptSecret(ring, envelope, "r")).toThrowError(
      expect.objectContaining({ code: "unknown_key_version" }),
    );
    expect(() => parseKeyRing("nonsense")).toThrowError(expect.objectContaining({ code: "invalid_key_ring" }));
    expect(() => parseKeyRing(`1:${randomBytes(16).toString("base64")}`)).toThrowError(/32 bytes/);
    expect(() => decryptSecret(ring, "garbage", "r")).toThrowError(expect.objectContaining({ code: "malformed" }));
  });
});
