import "server-only";
import { loadConfig } from "./config";
import { decryptSecret, encryptSecret, parseKeyRing, type KeyRing } from "./crypto";

let ring: KeyRing | undefined;

function keyRing(): KeyRing {
  ring ??= parseKeyRing(loadConfig().encryptionKeys);
  return ring;
}

// The only doors to secrets at rest; a decrypted value never leaves the server.
export function sealSecret(plaintext: string, recordId: string): string {
  return encryptSecret(keyRing(), plaintext, recordId);
}

export function openSecret(envelope: string, recordId: string): string {
  return decryptSecret(keyRing(), envelope, recordId);
}
