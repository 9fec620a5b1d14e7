import type { TAccount } from "@/lib/schemas/account";

/** The Account columns written for one account, as the form and the CSV import both store them. */
export type AccountData = {
  username: string;
  displayName: string;
  email: string | null;
  phoneNumber: string | null;
  phoneRegion: string | null;
  employeeNumber: string | null;
  jobTitle: string | null;
  externalId: string | null;
  status: TAccount["status"];
  description: string | null;
  customFields: string;
};

export type AccountMembership = { ouId: string; isPrimary: boolean };

export type AccountRow = { data: AccountData; memberships: AccountMembership[] };

/** Custom field values trimmed; a blank or whitespace-only value means "not set" and is not stored. */
export function cleanCustomFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ""),
  );
}

/**
 * The one way an account input becomes a stored row: the create and update forms and the CSV
 * import all call this, so the same input stores the same row whichever way it came in.
 * E-mail, phone and text fields are already normalised by `ZAccountSchema`.
 */
export function buildAccountRow(account: TAccount): AccountRow {
  return {
    data: {
      username: account.username,
      displayName: account.displayName,
      email: account.email,
      phoneNumber: account.phoneNumber,
      // A region without a number says nothing; store none.
      phoneRegion: account.phoneNumber ? account.phoneRegion : null,
      employeeNumber: account.employeeNumber,
      jobTitle: account.jobTitle,
      externalId: account.externalId,
      status: account.status,
      description: account.description,
      customFields: JSON.stringify(cleanCustomFields(account.customFields)),
    },
    memberships: [...new Set(account.ouIds)].map((ouId) => ({ ouId, isPrimary: ouId === account.primaryOuId })),
  };
}

type StoredAccount = Omit<AccountData, "status" | "customFields"> & {
  status: string;
  customFields: string;
  memberships: AccountMembership[];
};

/** The row as stored, read back through the builder so that it compares with a freshly built one. */
export function storedAccountRow(stored: StoredAccount): AccountRow {
  const { data } = buildAccountRow({
    username: stored.username,
    displayName: stored.displayName,
    email: stored.email,
    phoneNumber: stored.phoneNumber,
    phoneRegion: stored.phoneRegion ?? "86",
    employeeNumber: stored.employeeNumber,
    jobTitle: stored.jobTitle,
    externalId: stored.externalId,
    status: stored.status as TAccount["status"],
    description: stored.description,
    customFields: JSON.parse(stored.customFields) as Record<string, string>,
    ouIds: [],
    primaryOuId: null,
  });
  return { data, memberships: stored.memberships.map((m) => ({ ouId: m.ouId, isPrimary: m.isPrimary })) };
}

/** A key that is equal for two rows exactly when storing one over the other changes nothing. */
export function accountRowFingerprint(row: AccountRow): string {
  return JSON.stringify([row.data, row.memberships.map((m) => `${m.ouId}:${m.isPrimary}`).sort()]);
}
