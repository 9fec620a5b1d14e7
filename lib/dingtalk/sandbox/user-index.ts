// Uniqueness lookups by mobile and e-mail in O(1): DingTalk answers them from an
// index, and a scan per create made a 10,000-user sync quadratic. Kept beside the
// state (not persisted), built on first use, updated by every user write.
import type { SandboxCorp, SandboxUser } from "./types";

type UserIndex = { byMobile: Map<string, string>; byEmail: Map<string, string> };

const indexes = new WeakMap<SandboxCorp, UserIndex>();

/** "+86-13800000001" and "13800000001" are the same number. */
export function normalizeMobile(mobile: string): string {
  return mobile.replace(/^\+86-/, "");
}

function indexOf(corp: SandboxCorp): UserIndex {
  let index = indexes.get(corp);
  if (!index) {
    index = { byMobile: new Map(), byEmail: new Map() };
    indexes.set(corp, index);
    for (const id in corp.users) add(index, corp.users[id]);
  }
  return index;
}

function add(index: UserIndex, user: SandboxUser): void {
  if (user.mobile) index.byMobile.set(normalizeMobile(user.mobile), user.userid);
  if (user.email) index.byEmail.set(user.email.toLowerCase(), user.userid);
}

export function indexUser(corp: SandboxCorp, user: SandboxUser): void {
  add(indexOf(corp), user);
}

export function unindexUser(corp: SandboxCorp, user: SandboxUser): void {
  const index = indexOf(corp);
  if (user.mobile && index.byMobile.get(normalizeMobile(user.mobile)) === user.userid)
    index.byMobile.delete(normalizeMobile(user.mobile));
  if (user.email && index.byEmail.get(user.email.toLowerCase()) === user.userid)
    index.byEmail.delete(user.email.toLowerCase());
}

export function userByMobile(corp: SandboxCorp, mobile: string): SandboxUser | undefined {
  const id = indexOf(corp).byMobile.get(normalizeMobile(mobile));
  return id === undefined ? undefined : corp.users[id];
}

export function userByEmail(corp: SandboxCorp, email: string): SandboxUser | undefined {
  const id = indexOf(corp).byEmail.get(email.toLowerCase());
  return id === undefined ? undefined : corp.users[id];
}
