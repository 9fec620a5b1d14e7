import { hash, verify } from "@node-rs/bcrypt";
import Bottleneck from "bottleneck";

// @node-rs/bcrypt: Rust's bcrypt as a prebuilt native module. hash and verify run on libuv's
// worker threads, so a flood of sign-ins no longer stalls the event loop (bcryptjs ran on it).
// It reads the $2a$/$2b$ hashes bcryptjs wrote, so existing passwords keep working as they are.
const COST = 12;

// fs and DNS share libuv's 4 worker threads: hashes take at most 2 of them, the rest queue here.
const hashing = new Bottleneck({ maxConcurrent: 2 });

// A cost-12 hash of 32 random bytes nobody kept: an unknown e-mail pays for one real verification,
// so the answer's timing does not tell which e-mails have an administrator.
const NOBODYS_HASH = "$2b$12$mra4i7ObaHktR/LY2IPUuOSTB/0pesg2Iru1IpC99AtOfzF9hMCFK";

export function hashPassword(password: string): Promise<string> {
  return hashing.schedule(() => hash(password, { cost: COST }));
}

/** True when the password matches; false for a wrong password or a hash that is not bcrypt. */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await hashing.schedule(() => verify(password, passwordHash));
  } catch {
    return false;
  }
}

/** The same work as verifyPassword, for an e-mail without an administrator: always false. */
export async function verifyNobody(password: string): Promise<false> {
  await verifyPassword(password, NOBODYS_HASH);
  return false;
}
